#!/usr/bin/env bash
# Measures how long `./yibao serve` takes to serve a healthy console: the first start on an empty data
# directory (creates the database, loads the full demo world) and a later start on the same directory.
# Targets (issue 2): first start <= 60 s, later starts <= 15 s on a 2-core machine.
# The last line carries the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-18080}"
pid=""
data_dir="$(mktemp -d /tmp/yibao-startup-XXXXXX)"
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data_dir"' EXIT

./mvnw -q -B -DskipTests -pl yibao-server -am install >/dev/null

wait_healthy() {
  local start="$1"
  for _ in $(seq 1 1200); do
    if curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"' \
       && curl -fs -o /dev/null "http://localhost:$port/login"; then
      echo $(( $(date +%s%N) - start ))
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the platform exited" >&2; return 1; fi
    sleep 0.1
  done
  echo "not healthy after 120 s" >&2
  return 1
}

measure() {
  local t0
  t0=$(date +%s%N)
  ./yibao serve --port "$port" --data-dir "$data_dir" >"$data_dir/serve-$1.out" 2>&1 &
  pid=$!
  local ns
  ns=$(wait_healthy "$t0")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v ns="$ns" 'BEGIN { printf "%.1f", ns / 1e9 }'
}

first=$(measure first)
echo "first start (empty data dir, full demo world): ${first} s"
later=$(measure later)
echo "later start: ${later} s"
echo "startup: first ${first} s, later ${later} s ($(nproc) cores)"
