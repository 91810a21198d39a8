#!/usr/bin/env bash
# JMH: the CHS-DRG grouper on the 1,000 cases of ../shared/data/chs-drg-1.1/samples.csv, one thread:
# cases already read (group) and lines parsed then grouped (parseAndGroup).
# Last line: cases_per_second_per_core for group. Extra JMH options pass through (e.g. -wi 2 -i 3 -r 1s).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl yibao-bench -am package >/dev/null
out=$(mktemp)
java -jar yibao-bench/target/yibao-bench.jar DrgGrouperBenchmark "$@" -rf json -rff "$out.json" | tee "$out"
score() { grep -E "^DrgGrouperBenchmark\.$1 " "$out" | awk '{printf "%d", $(NF-3)}'; }
echo "grouper: group $(score group) cases/s, parseAndGroup $(score parseAndGroup) cases/s on one thread of $(nproc) cores"
echo "cases_per_second_per_core=$(score group)"
