#!/usr/bin/env bash
# Times Plugboard's read commands as real processes against a warm embedded PostgreSQL and writes the
# figures to a Markdown report (default docs/benchmarks/read-commands.md). A benchmark, not a test:
# issue 14 asks that read commands answer in under 1 s on a warm machine (issue 16's P4 too).
# Each command runs two ways, alternating: through the ./plugboard launcher (what operators run: the
# C1 compiler, the serial collector and the AppCDS archive it keeps next to the jar) and as a bare
# `java -jar` with the JVM's defaults. Wall-clock and CPU (user + system) time are both recorded:
# on a shared machine the CPU time is the steadier of the two.
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

# shellcheck source=lib/setup.sh
source "$here/bench/lib/setup.sh"   # wait_200, ms

data="$(mktemp -d)"
port="${PLUGBOARD_BENCH_PORT:-18080}"
unset PLUGBOARD_BENCH_PORT # the commands measured refuse PLUGBOARD_* variables they do not know
export PLUGBOARD_DATA_DIR="$data" PLUGBOARD_PORT="$port"
java -jar "$jar" serve >"$data/serve.log" 2>&1 &
server=$!
cleanup() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
wait_200 "http://127.0.0.1:$port/health" "$server" 120 || { cat "$data/serve.log" >&2; exit 1; }

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

launcher="$here/plugboard"
rm -f "${jar%.jar}-cli.jsa"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# One untimed run through the launcher writes its class-data archive, as an operator's first command does.
"$launcher" plugins list >/dev/null 2>"$data/err" || { echo "read-commands: the launcher failed:" >&2; cat "$data/err" >&2; exit 1; }

# time_one WAY COMMAND...: prints "wall_ms cpu_ms"
time_one() {
  local way=$1; shift
  local start end
  start=$(ms)
  if [[ "$way" == launcher ]]; then
    /usr/bin/time -f "%U %S" -o "$data/cpu" "$launcher" "$@" >/dev/null 2>"$data/err"
  else
    # shellcheck disable=SC2086
    /usr/bin/time -f "%U %S" -o "$data/cpu" java ${PLUGBOARD_JAVA_OPTS:-} -jar "$jar" "$@" >/dev/null 2>"$data/err"
  fi || { echo "read-commands: '$*' failed ($way):" >&2; cat "$data/err" >&2; exit 1; }
  end=$(ms)
  echo "$(( end - start )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$data/cpu")"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

rows=""
for command in "${commands[@]}"; do
  # shellcheck disable=SC2086
  java -jar "$jar" $command >/dev/null 2>"$data/err" || { echo "read-commands: '$command' failed:" >&2; cat "$data/err" >&2; exit 1; }
  lw=(); lc=(); jw=(); jc=()
  for _ in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086
    read -r w c < <(time_one launcher $command); lw+=("$w"); lc+=("$c")
    # shellcheck disable=SC2086
    read -r w c < <(time_one java $command); jw+=("$w"); jc+=("$c")
  done
  row="| \`plugboard $command\` | $(median "${lw[@]}") | $(median "${lc[@]}") | $(median "${jw[@]}") | $(median "${jc[@]}") |"
  rows+="$row"$'\n'
  echo "$row" >&2
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$(dirname "$report")"
cat >"$report" <<REPORT
# Read-command latency

Written by \`bench/read-commands.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(java -version 2>&1 | head -1)).
Each command is a new JVM process against the embedded PostgreSQL that a running \`plugboard serve\`
keeps warm, on a fresh data folder (builtin plugins only): one untimed run each, then $runs timed runs
of each way, alternating. **Launcher**: \`./plugboard ...\`, which starts short commands with the C1
compiler only, the serial collector and an AppCDS archive of Plugboard's classes (written by the first
command after a build). **java -jar**: \`java -jar bootstrap/target/plugboard.jar ...\` with the JVM's
defaults. Medians in milliseconds: wall clock, JVM start included, and CPU (user + system) of the
process. Goal (issues 14 and 16, P4): under 1 s on a warm machine. Load average (1, 5, 15 min) before:
${load_before}; after: ${load_after}; a busy machine stretches the wall clock far more than the CPU time.

| command | launcher wall | launcher CPU | java -jar wall | java -jar CPU |
| --- | ---: | ---: | ---: | ---: |
${rows}
REPORT
echo "read-commands: wrote $report" >&2
