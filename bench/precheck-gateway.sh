#!/usr/bin/env bash
# 3102 事中分析 over the real interface (issue 7: p99 under 20 ms for an encounter with 50 orders): the
# platform started as in bench/gateway.sh, then PrecheckLoad's workers send signed 3102 calls of a
# 50-order stay for demo persons. Last line: precheck_calls_per_second=<n> p50_ms=<n> p99_ms=<n> errors=<n>.
#   bench/precheck-gateway.sh [--workers N] [--warmup S] [--duration S]
set -euo pipefail
cd "$(dirname "$0")/.."
YIBAO_BENCH_LOAD=PrecheckLoad exec bench/gateway.sh "$@"
