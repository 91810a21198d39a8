#!/usr/bin/env bash
# Issue 7: the rules' speed, engine only.
#  - per-line rules (shape LINE: 限性别/限年龄/限级别/超天数) on a 50-line stay, one thread (JMH): line checks per
#    second per core, a line check being one line looked up in every per-line rule's table (target ≥ 5,000,000);
#  - every post-settlement rule over ~1,000,000 generated settlements (~10 million lines) on all cores
#    (target ≤ 120 s on 2 cores), checked against the labelled plants.
# Last line: line_checks_per_second_per_core=<n> window_rules_seconds=<n>.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl yibao-bench -am package >/dev/null
out=$(mktemp)
java -jar yibao-bench/target/yibao-bench.jar 'SupervisionBenchmark.lineRules50' -rf json -rff "$out.json" | tee "$out"
per_us=$(grep -E "^SupervisionBenchmark\.lineRules50 +thrpt" "$out" | awk '{print $(NF-3)}')
checks=$(awk -v x="$per_us" 'BEGIN {printf "%d", x * 1000000 * 50}')
echo "per-line rules: ${checks} line checks/s on one thread of $(nproc) cores"
java -Xmx10g -cp yibao-bench/target/yibao-bench.jar org.yibao.bench.SupervisionRun "${SETTLEMENTS:-1000000}" | tee "$out.run"
seconds=$(tail -1 "$out.run" | sed -E 's/.*window_rules_seconds=([0-9.]+).*/\1/')
echo "line_checks_per_second_per_core=${checks} window_rules_seconds=${seconds}"
