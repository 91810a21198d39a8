#!/usr/bin/env bash
# Where a visit's CPU goes (issue 4): starts the platform as bench/gateway.sh does, drives the same load
# (8 workers by default), and reads the CPU time of the platform's JVM, its PostgreSQL processes and the
# load generator from /proc over the measured window, divided by the visits measured. It moves less than
# visits/s when the VM drifts, but another busy process on the machine (a build) still inflates it by up to half:
# measure on a quiet machine. jit= is the part of platform= the JIT compilers used: under this load they
# compile for a minute or more after the start (10 s windows of one run: as much CPU as the request threads for
# the first 40 s, nothing after 110 s), so the warm-up is 90 s and a jit= above a few hundredths of a
# millisecond says the window still measured warm-up.
# Last line: cpu_ms_per_visit platform=<ms> postgres=<ms> load=<ms> total=<ms> jit=<ms> visits_per_second=<n>.
#   bench/gateway-cpu.sh [--warmup S (90)] [--duration S (30)] [--workers N] [--floor]
# --floor replaces each visit by three 9001 sign-ins (signature, JSON, one insert and the reply row, each
# committed durably): what the transport alone costs for three calls, the floor under any visit.
# With ASYNC_PROFILER=/path/libasyncProfiler.so the platform runs under async-profiler (itimer) and writes
# collapsed stacks to target/gateway-cpu.collapsed.
set -euo pipefail
cd "$(dirname "$0")/.."
warmup=90 duration=30 args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
port=${YIBAO_BENCH_PORT:-18182}
java_opts="-Xms1g -Xmx2g -XX:+UseParallelGC"  # as ./yibao serve starts it
if [ -n "${ASYNC_PROFILER:-}" ]; then
  agent="-agentpath:$ASYNC_PROFILER=start,event=itimer,interval=1ms,threads,collapsed,file=$PWD/target/gateway-cpu.collapsed"
fi
. bench/platform.sh
build_platform yibao-bench
start_platform --yibao.demo.history.enabled=false
postmaster=$(sed -n 1p "$data_dir/pgdata/postmaster.pid")
java ${YIBAO_LOAD_JAVA_OPTS--XX:+UseParallelGC} -cp yibao-bench/target/yibao-bench.jar org.yibao.bench.load.GatewayLoad --url "http://localhost:$port" \
  --data-dir "$data_dir" --warmup "$warmup" --duration "$duration" "${args[@]}" > "$data_dir/load.out" 2>&1 &
load=$!
# The load prints its figure for the window [warmup, warmup + duration]; /proc is read just inside it.
sleep "$warmup"
j0=$(jit_ticks "$server"); s0=$(ticks "$server"); p0=$(tree_ticks "$postmaster"); l0=$(ticks "$load"); t0=$(date +%s.%N)
sleep $((duration - 1))
j1=$(jit_ticks "$server"); s1=$(ticks "$server"); p1=$(tree_ticks "$postmaster"); l1=$(ticks "$load"); t1=$(date +%s.%N)
wait "$load"
figure=$(tail -1 "$data_dir/load.out")
echo "$figure"
rate=$(echo "$figure" | sed -n 's/^visits_per_second=\([0-9]*\).*/\1/p')
hz=$(getconf CLK_TCK)
awk -v j="$((j1 - j0))" -v s="$((s1 - s0))" -v p="$((p1 - p0))" -v l="$((l1 - l0))" -v t0="$t0" -v t1="$t1" -v rate="$rate" -v hz="$hz" 'BEGIN {
  visits = rate * (t1 - t0); f = 1000 / hz / visits
  printf "cpu_ms_per_visit platform=%.2f postgres=%.2f load=%.2f total=%.2f jit=%.2f visits_per_second=%d\n", s * f, p * f, l * f, (s + p + l) * f, j * f, rate }'
