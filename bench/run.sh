#!/usr/bin/env bash
# Issue 16's side-by-side benchmark: Plugboard against Platformatic DB serving the same tables of one
# PostgreSQL, alternating the two several times, and the medians and ratios written to the section
# "Results" of docs/performance.md. A benchmark, not a test: it asserts nothing about time.
#
#   ./mvnw -B -pl bootstrap -am package -DskipTests       # builds bootstrap/target/plugboard.jar
#   bench/run.sh [ROUNDS] [SECONDS]                       # default 3 rounds of 10 s per load
#
# Environment: BENCH_REPORT (default docs/performance.md), BENCH_PG_BIN (PostgreSQL's bin folder, default
# the newest /usr/lib/postgresql/*/bin), BENCH_CACHE (where npm installs the peer, default
# ~/.cache/plugboard-bench), BENCH_PORT_BASE (default 15480: PostgreSQL, +1 Plugboard, +2 the peer),
# BENCH_BIG_RUNS (default 1000000), BENCH_FIGURES (one figure alone: "p1", with P7's peak RSS, or "p2"; its
# medians and ratio then go to bench/target/run-p1.md or run-p2.md, or BENCH_REPORT, and docs/performance.md is
# left alone). PLUGBOARD_JAVA_OPTS reaches the server's JVM, after the launcher's flags (to try other ones).
# Needs wrk, curl, npm and a PostgreSQL 15+ installation.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
seconds="${2:-10}"
figures="${BENCH_FIGURES:-all}"
[[ $figures == all || $figures == p1 || $figures == p2 ]] || { echo "bench: BENCH_FIGURES is all, p1 or p2, not $figures" >&2; exit 2; }
if [[ $figures == all ]]; then report="${BENCH_REPORT:-$here/docs/performance.md}"; else report="${BENCH_REPORT:-$here/bench/target/run-$figures.md}"; fi
cache="${BENCH_CACHE:-$HOME/.cache/plugboard-bench}"
base="${BENCH_PORT_BASE:-15480}"
pg_port=$base pb_port=$(( base + 1 )) peer_port=$(( base + 2 ))
big_runs="${BENCH_BIG_RUNS:-1000000}"
jar="$here/bootstrap/target/plugboard.jar"
[[ -f "$jar" ]] || { echo "bench: no $jar; build it: ./mvnw -B -pl bootstrap -am package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench: wrk is missing (Debian: apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d /tmp/plugboard-bench.XXXXXX)"
chmod 755 "$work"
pb_pid="" peer_pid=""
# shellcheck source=lib/setup.sh
source "$here/bench/lib/setup.sh"
# shellcheck source=lib/figures.sh
source "$here/bench/lib/figures.sh"
cleanup() {
  stop_process "$pb_pid"; stop_process "$peer_pid"; stop_postgres
  [[ -n "${BENCH_KEEP:-}" ]] && echo "bench: kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
began=$(date -u +'%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

start_postgres
install_peer
plugboard_env
javac -d "$work/classes" -cp "$jar" "$here/bench/http/BenchClient.java"
client() { java -cp "$jar:$work/classes" BenchClient "$@"; }
api="http://127.0.0.1:$pb_port"
peer="http://127.0.0.1:$peer_port"

log "starting Plugboard (creates the schema) and seeding 1,000 plugins and 200 owners through its API"
start_plugboard >/dev/null
client seed-catalog "$api" "$PLUGBOARD_JWT_SECRET" 1000
client seed-owners "$api" "$PLUGBOARD_JWT_SECRET" 200 bench-0000
sql -c "SELECT i.id FROM installations i JOIN plugins p ON p.id = i.plugin_id
        WHERE p.name = 'bench-0000' ORDER BY i.user_id" >"$work/installation-ids"
[[ $figures == all ]] && seed_runs
# Fresh processes for the loads, so that the peak RSS is that of the P1 load and not of the seeding.
stop_process "$pb_pid"
start_plugboard >/dev/null
start_peer >/dev/null
token="$(client token "$PLUGBOARD_JWT_SECRET" bench-reader)"

if [[ $figures == p1 ]]; then
  figure_p1_p7
  write_figure_report p1 "P1 catalog read, req/s" ">=" 1.5
  echo "P7 peak RSS under the P1 load, MiB: Plugboard $(cell p7-plugboard), peer $(cell p7-peer); flags: $jvm_flags" | tee -a "$report" >&2
  log "wrote $report"
  exit 0
fi
if [[ $figures == p2 ]]; then
  figure_p2
  write_figure_report p2 "P2 settings write, req/s" ">=" 1.0
  log "wrote $report"
  exit 0
fi
figure_p1_p7
figure_p2
figure_p6
stop_process "$pb_pid"; pb_pid=""
stop_process "$peer_pid"; peer_pid=""
figure_p4
figure_p3

write_report
log "wrote $report"
