#!/usr/bin/env bash
# Drives the catalog read (GET /api/plugins?limit=20) and the settings PUT (If-Match, rotating values)
# against a real `plugboard serve` on a fresh embedded database, recording JFR, and prints the
# throughput and the top frames of each phase (issue 16, parts 2-4: profile first).
#
#   ./mvnw -B -pl bootstrap -am package -DskipTests     # builds bootstrap/target/plugboard.jar
#   bench/catalog-load.sh [SECONDS] [CONNECTIONS] [PLUGINS] [OWNERS]   # defaults 25 32 1000 200
#
# JFR recordings and the server log stay in bench/target/catalog-load/ (get.jfr, put.jfr).
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
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve >"$out/serve.log" 2>&1 &
server=$!
cleanup() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
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
for phase in get put; do
  load "$phase" "$url" 5 "$connections" "$owners" >/dev/null   # warm-up
  jcmd "$server" JFR.start name="$phase" settings=profile >/dev/null
  load "$phase" "$url" "$seconds" "$connections" "$owners" | tee "$out/$phase.txt"
  jcmd "$server" JFR.stop name="$phase" filename="$out/$phase.jfr" >/dev/null
  top "$out/$phase.jfr" | tee "$out/$phase-top.txt"
done
