#!/usr/bin/env bash
# Issue 8's grouper and DRG payment benchmark.
# 1. A year of one region: DrgPaymentYear groups and pays 1,000,000 generated cases (the 1,000 of
#    ../shared/data/chs-drg-1.1/samples.csv repeated, each with a cost, fund payment, insutype and level) on
#    every core: history pass (weights from the region's own history) and payment pass; target ≤ 30 s on 2 cores.
#    YIBAO_BENCH_YEAR_CASES changes the number of cases.
# 2. JMH DrgGrouperBenchmark (bench/drg.sh): the grouper on one thread; extra JMH options pass through
#    (e.g. -wi 2 -i 3 -r 1s).
# Last line: cases_per_second_per_core=<n> (JMH `group`, cases per second on one core).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl yibao-bench -am package >/dev/null
java -cp yibao-bench/target/yibao-bench.jar org.yibao.bench.DrgPaymentYear ../shared/data/chs-drg-1.1/samples.csv \
  "${YIBAO_BENCH_YEAR_CASES:-1000000}" "$(nproc)"
out=$(mktemp)
java -jar yibao-bench/target/yibao-bench.jar DrgGrouperBenchmark "$@" -rf json -rff "$out.json" | tee "$out"
score() { grep -E "^DrgGrouperBenchmark\.$1 " "$out" | awk '{printf "%d", $(NF-3)}'; }
echo "grouper: group $(score group) cases/s, parseAndGroup $(score parseAndGroup) cases/s on one thread of $(nproc) cores"
echo "cases_per_second_per_core=$(score group)"
