#!/usr/bin/env bash
# Drives the catalog read (GET /api/plugins?limit=20) and the settings PUT (If-Match, rotating values)
# against a real `plugboard serve` on a fresh embedded database, recording JFR, and prints the
# throughput and the top frames of each phase (issue 16, parts 2-4: profile first).
#
#   ./mvnw -B -pl bootstrap -am package -DskipTests     # builds bootstrap/target/plugboard.jar
#   bench/catalog-load.sh [SECONDS] [CONNECTIONS] [PLUGINS] [OWNERS]   # defaults 25 32 1000 200
#
# JFR recordings and the server log stay in bench/target/catalog-load/ (get.jfr, put.jfr).
# BENCH_PHASES (default "get put") picks the phases, BENCH_WARMUP the seconds of warm-up (default 5). BENCH_STATEMENTS=1 runs the server on a PostgreSQL of
# the machine's (Debian's, as bench/run.sh does) with pg_stat_statements loaded instead of the embedded one,
# and prints, for each phase, the statements PostgreSQL ran per request (calls / requests answered).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$here/bench/lib/setup.sh"   # wait_200
seconds="${1:-25}" connections="${2:-32}" plugins="${3:-1000}" owners="${4:-200}"
jar="${BENCH_JAR:-$here/bootstrap/target/plugboard.jar}"
[[ -f "$jar" ]] || { echo "catalog-load: no $jar; build it: ./mvnw -B -pl bootstrap -am package -DskipTests" >&2; exit 2; }
out="$here/bench/target/catalog-load"
mkdir -p "$out"
data="$(mktemp -d)"
port="${BENCH_PORT:-18081}"
url="http://127.0.0.1:$port"
export PLUGBOARD_DATA_DIR="$data" PLUGBOARD_PORT="$port" PLUGBOARD_RATE_LIMIT_ENABLED=false
export PLUGBOARD_JWT_SECRET="bench-secret-bench-secret-bench-secret-0123456789"
pg_bin=""
if [[ -n "${BENCH_STATEMENTS:-}" ]]; then
  work="$data" pg_port="${BENCH_PG_PORT:-18082}"
  chmod 755 "$data"
  BENCH_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements" start_postgres
  sql -c "CREATE EXTENSION pg_stat_statements"
  export PLUGBOARD_DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/plugboard" PLUGBOARD_DATABASE_USER=bench
  PLUGBOARD_SECRETS_KEY="$(java -jar "$jar" secrets new-key)"; export PLUGBOARD_SECRETS_KEY
fi
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve >"$out/serve.log" 2>&1 &
server=$!
cleanup() {
  kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  [[ -n "$pg_bin" ]] && stop_postgres
  rm -rf "$data"
}
trap cleanup EXIT
wait_200 "$url/health" "$server" 180 || { cat "$out/serve.log" >&2; exit 1; }
# The top frames of a recording: the leaf frames (where the CPU was) and, for each sample, the first
# Plugboard frame on the stack (which of our code led there).
top() {
  local samples; samples="$(jfr print --stack-depth 64 --events jdk.ExecutionSample "$1")"
  echo "samples: $(grep -c 'jdk.ExecutionSample' <<<"$samples") (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "leaf frames:"
  awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/[ \t]*line:.*/, ""); print}' <<<"$samples" \
    | sort | uniq -c | sort -rn | head -"${TOP:-12}"
  echo "first Plugboard frame:"
  awk '/stackTrace = \[/{found=0} /dev\.plugboard\./{ if (!found) { l=$0; sub(/^[ \t]+/, "", l); sub(/[ \t]*line:.*/, "", l); print l; found=1 } }' <<<"$samples" \
    | sort | uniq -c | sort -rn | head -"${TOP:-12}"
}
load() { java "$here/bench/load/CatalogLoad.java" "$@"; }
load setup "$url" "$plugins" "$owners"
# The statements PostgreSQL ran since the last reset, per request answered (the phase's status counts).
statements() {
  local requests; requests="$(sed -n 's/.*statuses {\(.*\)}.*/\1/p' "$1" | tr ',' '\n' | awk -F= '{ s += $2 } END { print s }')"
  echo "statements per request ($requests requests; pg_stat_statements):"
  sql -F ' | ' -c "SELECT round(calls::numeric / $requests, 2), regexp_replace(left(query, 110), '\s+', ' ', 'g')
                   FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'plugboard')
                   ORDER BY calls DESC LIMIT ${TOP:-12}"
}
# CPU time (user + system, ms) of a process and its children so far: the server, or the PostgreSQL.
cpu_ms() {
  local pid total=0
  for pid in "$@"; do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo $(( total * 1000 / $(getconf CLK_TCK) ))
}
# The server's threads' CPU ticks so far, summed by thread name (digits dropped): "name ticks" lines.
thread_cpu() {
  for t in /proc/"$server"/task/*; do
    echo "$(tr -d '0-9 ' <"$t/comm" 2>/dev/null) $(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || echo 0)"
  done | awk '{ s[$1] += $2 } END { for (n in s) print n, s[n] }' | sort
}
pg_pids() { [[ -n "$pg_bin" ]] && { head -1 "$data/pg/postmaster.pid"; pgrep -P "$(head -1 "$data/pg/postmaster.pid")"; } || true; }
for phase in ${BENCH_PHASES:-get put}; do
  load "$phase" "$url" "${BENCH_WARMUP:-5}" "$connections" "$owners" >/dev/null   # warm-up
  [[ -n "$pg_bin" ]] && sql -c "SELECT pg_stat_statements_reset()" >/dev/null
  jcmd "$server" JFR.start name="$phase" settings=profile >/dev/null
  server_cpu=$(cpu_ms "$server"); pg_cpu=$(cpu_ms $(pg_pids)); threads_before="$(thread_cpu)"
  load "$phase" "$url" "$seconds" "$connections" "$owners" | tee "$out/$phase.txt"
  echo "CPU during the phase: server $(( $(cpu_ms "$server") - server_cpu )) ms, PostgreSQL $(( $(cpu_ms $(pg_pids)) - pg_cpu )) ms" \
    | tee -a "$out/$phase.txt"
  echo "server threads by CPU during the phase (ticks):"
  join -a2 -e0 -o 0,1.2,2.2 <(echo "$threads_before") <(thread_cpu) | awk '{ print $3 - $2, $1 }' | sort -rn | head -6
  jcmd "$server" JFR.stop name="$phase" filename="$out/$phase.jfr" >/dev/null
  [[ -n "$pg_bin" ]] && statements "$out/$phase.txt" | tee "$out/$phase-statements.txt"
  top "$out/$phase.jfr" | tee "$out/$phase-top.txt"
done
