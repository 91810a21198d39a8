#!/usr/bin/env bash
# JMH: the engine part of 3102 (issue 7: p99 under 20 ms for an encounter with 50 orders): every 事中
# rule of the demo knowledge base on a 50-order stay against 8 earlier visits, one thread.
# Last line: precheck_engine_p99_us=<n> encounters_per_second_per_core=<n>.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl yibao-bench -am package >/dev/null
out=$(mktemp)
java -jar yibao-bench/target/yibao-bench.jar SupervisionBenchmark -rf json -rff "$out.json" | tee "$out"
p99=$(grep -E "^SupervisionBenchmark\.encounter50:p0\.99 " "$out" | awk '{print $(NF-1)}')
p50=$(grep -E "^SupervisionBenchmark\.encounter50:p0\.50 " "$out" | awk '{print $(NF-1)}')
per_us=$(grep -E "^SupervisionBenchmark\.encounter50 +thrpt" "$out" | awk '{print $(NF-3)}')
per_s=$(awk -v x="$per_us" 'BEGIN {printf "%d", x * 1000000}')
echo "engine: 50-order stay, all DURING rules: p50 ${p50} us, p99 ${p99} us, ${per_s} encounters/s on one thread of $(nproc) cores"
echo "precheck_engine_p99_us=${p99} encounters_per_second_per_core=${per_s}"
