#!/usr/bin/env bash
# JMH: the exact money arithmetic of a fee line (4 lines per operation). Last line: the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl yibao-bench -am package >/dev/null
out=$(mktemp)
java -jar yibao-bench/target/yibao-bench.jar MoneyBenchmark -rf json -rff "$out.json" | tee "$out"
score=$(grep -E '^MoneyBenchmark.feeLineArithmetic|feeLineArithmetic ' "$out" | tail -1 | awk '{print $(NF-3), $(NF-2), $(NF-1), $NF}')
echo "money: feeLineArithmetic (4 lines) ${score} on $(nproc) cores"
