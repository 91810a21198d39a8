# Sourced by the bench scripts that need a running platform: start_platform [spring options…] starts
# yibao-server.jar (already packaged) on $port with a fresh $data_dir, stops it and removes the data dir
# on exit, and waits for /actuator/health. $YIBAO_JAVA_OPTS overrides the JVM options ($java_opts).
data_dir=$(mktemp -d /tmp/yibao-bench.XXXXXX)
# build_platform [modules]: packages yibao-server (and the given modules). Maven copies resources but never
# deletes one that left the sources, so a migration deleted or renamed in a working copy would still run from
# target/classes and be measured; the copied resources are dropped first and copied again.
build_platform() {
  local entry
  for entry in yibao-server/src/main/resources/*; do rm -rf "yibao-server/target/classes/${entry##*/}"; done
  ./mvnw -q -B -ntp -DskipTests -pl "yibao-server${1:+,$1}" -am package >/dev/null
}
# ticks PID…: CPU ticks (user + system) of the processes; jit_ticks PID: of the JVM's JIT compiler threads.
ticks() { local t=0; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
# tree_ticks PID: of the process and all its children, those that ended included (the parent's cutime + cstime): an
# autovacuum worker that starts and ends inside a window is counted, one alive at its start and ended before its end
# is not counted negative.
tree_ticks() { echo $(( $(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat") + $(ticks $(pgrep -P "$1")) )); }
jit_ticks() {
  local t=0 task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in C[12]\ CompilerThre*) t=$((t + $(awk '{print $14 + $15}' "$task/stat"))) ;; esac
  done
  echo "$t"
}
start_platform() {
  # shellcheck disable=SC2086
  java ${YIBAO_JAVA_OPTS:-$java_opts} ${agent:-} -jar yibao-server/target/yibao-server.jar --server.port="$port" \
    --yibao.data-dir="$data_dir" --logging.level.root=WARN "$@" > "$data_dir/server.out" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data_dir"' EXIT
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "platform did not start"; tail -20 "$data_dir/server.out"; exit 1
}
# start_database: packages the platform and yibao-bench, starts the platform without the demo history, sets $pgport to its
# embedded PostgreSQL's TCP port and prints the machine line (the database probes: db-roundtrip.sh, db-rowcost.sh).
start_database() {
  build_platform yibao-bench
  start_platform --yibao.demo.history.enabled=false
  pgport=$(sed -n 4p "$data_dir/pgdata/postmaster.pid")
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
}
