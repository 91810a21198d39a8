#!/usr/bin/env bash
# JMH: whole settlements through the benefit engine on one thread (DOMAIN §4): a 10-line outpatient
# visit (deductible, ratio, cap reached, own account), the same with its setl_proc_info text rendered,
# and a 50-line inpatient stay. Last line: settlements_per_second_per_core for the 10-line outpatient.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl yibao-bench -am package >/dev/null
out=$(mktemp)
java -jar yibao-bench/target/yibao-bench.jar SettlementBenchmark -rf json -rff "$out.json" | tee "$out"
score() { grep -E "^SettlementBenchmark\.$1 " "$out" | awk '{printf "%d", $(NF-3)}'; }
echo "engine: outpatient10 $(score outpatient10)/s, outpatient10WithText $(score outpatient10WithText)/s, inpatient50 $(score inpatient50)/s on one thread of $(nproc) cores"
echo "settlements_per_second_per_core=$(score outpatient10)"
