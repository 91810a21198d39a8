#!/usr/bin/env bash
# One JDBC round trip to the platform's embedded PostgreSQL over loopback TCP and over its Unix-domain socket
# (the pool's transport since session 10): starts the platform as bench/gateway.sh does, then alternates the two
# transports on one connection each (org.yibao.bench.load.DbRoundTrip), nothing else running.
# Last line: round_trip_us tcp_wall=<µs> tcp_cpu=<µs> unix_wall=<µs> unix_cpu=<µs> (cpu: client + server process).
#   bench/db-roundtrip.sh [--round-trips N] [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${YIBAO_BENCH_PORT:-18186}
java_opts="-Xms1g -Xmx2g"
. bench/platform.sh
start_database
java -cp yibao-bench/target/yibao-bench.jar org.yibao.bench.load.DbRoundTrip --port "$pgport" \
  --socket "$data_dir/pgdata/.s.PGSQL.$pgport" "$@"
