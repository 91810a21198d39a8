#!/usr/bin/env bash
# The run after settlement as the platform does it (issue 7): starts the platform on the embedded
# PostgreSQL with the demo world in a fresh data dir, lets the background demo history write its three
# years of settled visits, then asks for the run after settlement of one region over a year of them
# (POST /api/admin/supervision/runs, answered when the run is finished) and times it: reading the
# settled data from PostgreSQL, every rule, storing the warnings.
# Last line: run_seconds=<n> settlements=<n> warnings=<n> settlements_per_second=<n>.
#   bench/supervision-run.sh [admdvs] [from] [to]          (default 990100 2025-01-01 2025-12-31; one run covers at most 366 days)
# YIBAO_HISTORY_OUTPATIENT_PER_MILLE raises the history's outpatient visits per person-year × 1000 (default 1500).
set -euo pipefail
cd "$(dirname "$0")/.."
admdvs=${1:-990100}; from=${2:-2025-01-01}; to=${3:-2025-12-31}
port=${YIBAO_BENCH_PORT:-18182}
java_opts="-Xms1g -Xmx4g"
. bench/platform.sh
build_platform
start_platform --yibao.demo.history.outpatient-per-mille="${YIBAO_HISTORY_OUTPATIENT_PER_MILLE:-1500}" \
  --yibao.supervision.nightly-cron=- --logging.level.org.yibao.server.demo=INFO
pgport=$(sed -n 4p "$data_dir/pgdata/postmaster.pid")
sql() { PGPASSWORD=postgres psql -qtA -h localhost -p "$pgport" -U postgres -d postgres -c "$1"; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo -n "waiting for the demo history"
for _ in $(seq 1 720); do
  grep -q "Demo history finished" "$data_dir/server.out" && break
  echo -n "."; sleep 5
done
grep -q "Demo history finished" "$data_dir/server.out" || { echo " the demo history did not finish"; exit 1; }
echo
echo "history written: $(sql "select sum(settlements) from demo_history_progress") settlements in all regions"
user=$(sed -n 1p "$data_dir/admin-credentials.txt"); pass=$(sed -n 2p "$data_dir/admin-credentials.txt")
start=$(date +%s.%N)
reply=$(curl -sS -u "$user:$pass" -H 'Content-Type: application/json' \
  -d "{\"admdvs\":\"$admdvs\",\"from\":\"$from\",\"to\":\"$to\"}" "http://localhost:$port/api/admin/supervision/runs")
end=$(date +%s.%N)
echo "$reply" | head -c 600; echo
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
warnings=$(sql "select count(*) from supervision_warning")
analysed=$(sql "select count(*) from supervision_analysed")
echo "warnings by rule (rule, warnings, settlements analysed with one, amount involved):"
sql "select rule_id, count(*), count(distinct setl_id), sum(amount) from supervision_warning group by 1 order by 2 desc" | sed 's/^/  /'
echo "run_seconds=$seconds settlements=$analysed warnings=$warnings settlements_per_second=$(awk -v n="$analysed" -v s="$seconds" 'BEGIN {printf "%d", n / s}')"
