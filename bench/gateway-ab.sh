#!/usr/bin/env bash
# Compares the gateway's throughput and CPU per visit of this checkout with another revision (issue 4). The VM
# the benchmarks run on drifts by ±25 % within minutes, so single runs of two builds taken at different times
# compare the VM, not the code: this script builds REV in a temporary worktree and alternates
# bench/gateway-cpu.sh runs of the two builds, ROUNDS pairs, and prints the means.
# Last line: ab rev=<rev> rev_visits_per_second=<n> head_visits_per_second=<n> change_pct=<n> rev_cpu_ms=<ms> head_cpu_ms=<ms>
# rev_load_ms=<ms> head_load_ms=<ms>. The load generator does the same work for both builds, so its CPU per visit is a
# check on the comparison: when the two differ by more than a few per cent, the machine differed between the slots.
#   bench/gateway-ab.sh REV [--rounds N] [gateway-cpu.sh options, e.g. --duration 20]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 1; }
rev=$1; shift
rounds=4 args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
other=$(mktemp -d /tmp/yibao-ab.XXXXXX)
trap 'git worktree remove --force "$other" >/dev/null 2>&1 || rm -rf "$other"' EXIT
git worktree add -q --detach "$other" "$rev"
# The other build uses this checkout's measuring script, so that both are measured the same way.
cp bench/gateway-cpu.sh bench/platform.sh "$other/bench/"
results=$(mktemp)
# Rounds alternate which build runs first (rev head, head rev, …): in one evening's series the build run first in
# every round was faster on every measure, the load generator's own CPU per visit included (which the builds do
# not change), so a fixed order measured the slot, not the build. Use an even number of rounds.
for i in $(seq 1 "$rounds"); do
  order="rev head"; [ $((i % 2)) -eq 0 ] && order="head rev"
  for side in $order; do
    dir=$PWD; [ "$side" = rev ] && dir=$other
    line=$(cd "$dir" && bench/gateway-cpu.sh "${args[@]}" 2>&1 | tail -1)
    echo "round $i $side: $line"
    echo "$side $line" >> "$results"
  done
done
awk -v rev="$rev" '
  { side = $1; for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "total") cpu[side] += kv[2]; if (kv[1] == "load") gen[side] += kv[2]; if (kv[1] == "visits_per_second") vps[side] += kv[2] } n[side]++ }
  END {
    if (n["rev"] == 0 || n["head"] == 0) { print "ab: no results"; exit 1 }
    r = vps["rev"] / n["rev"]; h = vps["head"] / n["head"]
    printf "ab rev=%s rev_visits_per_second=%d head_visits_per_second=%d change_pct=%+.1f rev_cpu_ms=%.2f head_cpu_ms=%.2f rev_load_ms=%.2f head_load_ms=%.2f\n",
      rev, r, h, (h - r) * 100 / r, cpu["rev"] / n["rev"], cpu["head"] / n["head"], gen["rev"] / n["rev"], gen["head"] / n["head"] }' "$results"
rm -f "$results"
