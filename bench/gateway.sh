#!/usr/bin/env bash
# The settlement gateway under load (issue 4): starts the platform on the embedded PostgreSQL (fsync,
# synchronous_commit and full_page_writes on) with the demo world in a fresh data dir, warms up, then
# drives visits (2201 + 2204 with 10 lines + 2207, signed with HMAC-SM3) from a load generator on the
# same machine (the background demo history is switched off so that it does not share the CPU).
# The warm-up (90 s) lasts until the JIT compilers are done: under this load on 2 cores they compile for a
# minute or more after the start, and a window that still contains them measures the start, not the platform.
# The line before the last says how much of the platform's CPU in the measured window was theirs.
# Last line: visits_per_second=<n> p50_ms=<n> p99_ms=<n> errors=<n>.
#   bench/gateway.sh [--workers N] [--warmup S] [--duration S]
# YIBAO_BENCH_LOAD names another load generator of org.yibao.bench.load (bench/precheck-gateway.sh).
# The generator's JVM runs on the parallel collector too; YIBAO_LOAD_JAVA_OPTS replaces its options (empty: the JVM's defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${YIBAO_BENCH_PORT:-18181}
java_opts="-Xms1g -Xmx2g -XX:+UseParallelGC"  # as ./yibao serve starts it
warmup=90 duration=60 args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
. bench/platform.sh
build_platform yibao-bench
start_platform --yibao.demo.history.enabled=false
pgport=$(sed -n 4p "$data_dir/pgdata/postmaster.pid")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "postgresql (port $pgport): fsync, synchronous_commit and full_page_writes forced on by DatabaseConfiguration (DurabilityTest checks them)"
java ${YIBAO_LOAD_JAVA_OPTS--XX:+UseParallelGC} -cp yibao-bench/target/yibao-bench.jar org.yibao.bench.load.${YIBAO_BENCH_LOAD:-GatewayLoad} --url "http://localhost:$port" \
  --data-dir "$data_dir" --warmup "$warmup" --duration "$duration" ${args[@]+"${args[@]}"} > "$data_dir/load.out" 2>&1 &
load=$!
sleep "$warmup"
j0=$(jit_ticks "$server"); s0=$(ticks "$server")
sleep $((duration - 1))
j1=$(jit_ticks "$server"); s1=$(ticks "$server")
status=0; wait "$load" || status=$?
head -n -1 "$data_dir/load.out"
echo "jit: the JIT compilers used $(( (j1 - j0) * 100 / (s1 - s0 > 0 ? s1 - s0 : 1) )) % of the platform's CPU in the measured window"
tail -1 "$data_dir/load.out"
exit "$status"
