#!/usr/bin/env bash
# Times Plugboard's read commands as real processes against a warm embedded PostgreSQL and writes the
# figures to a Markdown report (default docs/benchmarks/read-commands.md). A benchmark, not a test:
# issue 14 asks that read commands answer in under 1 s on a warm machine.
#
#   ./mvnw -B -pl bootstrap -am package -DskipTests     # builds bootstrap/target/plugboard.jar
#   bench/read-commands.sh [REPORT] [RUNS]              # RUNS timed runs per command, default 10
#
# It starts `plugboard serve` on a fresh data folder (this starts the embedded PostgreSQL and syncs the
# catalog), waits for /health, runs every command once untimed, then RUNS times each, and stops the server.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
report="${1:-$here/docs/benchmarks/read-commands.md}"
runs="${2:-10}"
jar="$here/bootstrap/target/plugboard.jar"
[[ -f "$jar" ]] || { echo "read-commands: no $jar; build it: ./mvnw -B -pl bootstrap -am package -DskipTests" >&2; exit 2; }

data="$(mktemp -d)"
port="${PLUGBOARD_BENCH_PORT:-18080}"
export PLUGBOARD_DATA_DIR="$data" PLUGBOARD_PORT="$port"
java -jar "$jar" serve >"$data/serve.log" 2>&1 &
server=$!
cleanup() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$data/serve.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { echo "read-commands: the server did not start" >&2; exit 1; }

commands=(
  "plugins list"
  "plugins list --search http"
  "plugins show webhook"
  "installs list --user bench"
  "runs list --user bench"
  "circuits list --user bench"
  "alerts list"
  "admins list"
  "db info"
)

ms() { local t=${EPOCHREALTIME/[.,]/}; echo $(( t / 1000 )); }
rows=""
for command in "${commands[@]}"; do
  # shellcheck disable=SC2086
  java ${PLUGBOARD_JAVA_OPTS:-} -jar "$jar" $command >/dev/null 2>"$data/err" || { echo "read-commands: '$command' failed:" >&2; cat "$data/err" >&2; exit 1; }
  times=()
  for _ in $(seq 1 "$runs"); do
    start=$(ms)
    # shellcheck disable=SC2086
    java ${PLUGBOARD_JAVA_OPTS:-} -jar "$jar" $command >/dev/null 2>&1
    times+=($(( $(ms) - start )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  median=${sorted[$(( runs / 2 ))]}
  rows+="| \`plugboard $command\` | ${sorted[0]} | $median | ${sorted[$(( runs - 1 ))]} |"$'\n'
  echo "plugboard $command: min ${sorted[0]} ms, median $median ms, max ${sorted[$(( runs - 1 ))]} ms" >&2
done

mkdir -p "$(dirname "$report")"
cat >"$report" <<REPORT
# Read-command latency

Written by \`bench/read-commands.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(java -version 2>&1 | head -1)).
Each command is a new JVM process (\`java -jar bootstrap/target/plugboard.jar ...\`) against the
embedded PostgreSQL that a running \`plugboard serve\` keeps warm, on a fresh data folder (builtin
plugins only); one untimed run each, then $runs timed runs. Wall-clock milliseconds, JVM start
included. Goal (issue 14): under 1 s on a warm machine. A shared or busy machine gives higher figures:
load average when the report was written: $(cut -d' ' -f1-3 /proc/loadavg).

| command | min ms | median ms | max ms |
| --- | ---: | ---: | ---: |
${rows}
REPORT
echo "read-commands: wrote $report" >&2
