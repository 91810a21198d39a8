#!/usr/bin/env bash
# What a row and a statement cost PostgreSQL when the platform writes them (issue 4): starts the platform as
# bench/gateway.sh does, then times the fee-line insert of a 2204 upload with 1, 10 and 50 lines per statement on one
# connection (org.yibao.bench.load.RowCost: the platform's statement shape, typed parameters, a generic plan, the
# lines of visits committed before, every 50 statements rolled back) and fits a straight line through the backend's CPU
# per statement. Nothing else running.
# Last line: fee_line_insert_us per_statement=<µs> per_row=<µs>.
#   bench/db-rowcost.sh [--sizes 1,10,50] [--rows N] [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${YIBAO_BENCH_PORT:-18187}
java_opts="-Xms1g -Xmx2g -XX:+UseParallelGC"
. bench/platform.sh
start_database
java -cp yibao-bench/target/yibao-bench.jar org.yibao.bench.load.RowCost --port "$pgport" "$@"
