# Starts Plugboard's JVM; sourced (POSIX sh) by bin/plugboard of the release archive and by the
# source checkout's ./plugboard, after they set:
#   plugboard_jar   the executable jar (its folder also holds the class-data archive, when writable)
#   plugboard_cp    the class path: the jar, then any jars beside it (other systems' PostgreSQL binaries)
#   plugboard_args  the folder of jvm-serve.args and jvm-cli.args
# JAVA_HOME picks the JVM; JAVA_OPTS, then PLUGBOARD_JAVA_OPTS, are added to every command's flags
# (later flags win). Every command uses a class-data archive of the classes it loads (AppCDS), kept
# next to the jar: plugboard-cli.jsa, which the first command after a build writes as it exits, and
# plugboard-serve.jsa, which the first serve after a build writes as it stops (issue 16, P4:
# docs/performance.md). PLUGBOARD_CDS=off does without them.

plugboard_java=java
if [ -n "${JAVA_HOME:-}" ]; then
  plugboard_java="$JAVA_HOME/bin/java"
fi
plugboard_main=dev.plugboard.bootstrap.PlugboardMain

plugboard_cds=on
if [ "${PLUGBOARD_CDS:-on}" = "off" ] || [ ! -w "$(dirname "$plugboard_jar")" ]; then
  plugboard_cds=off
fi

if [ "${1:-}" = "serve" ]; then
  # The server keeps its process id (exec), so the JVM writes its archive itself as it stops, to a name
  # of its own (plugboard-serve.jsa.PID); a later start adopts it once that process is gone, so that
  # nobody ever reads half an archive. The JVM writes an archive's header last: one cut short is refused.
  plugboard_archive="${plugboard_jar%.jar}-serve.jsa"
  plugboard_cds_flag=-Xshare:auto # the JVM's default: its own archive only
  if [ "$plugboard_cds" = on ]; then
    if [ -f "$plugboard_archive" ] && [ ! "$plugboard_archive" -nt "$plugboard_jar" ]; then
      rm -f "$plugboard_archive" # an earlier build's
    fi
    for plugboard_partial in "$plugboard_archive".*; do
      [ -f "$plugboard_partial" ] || continue
      # Still running, or writing it; not so when its pid is this very process (a container's pid 1 again).
      [ "${plugboard_partial##*.}" != "$$" ] && kill -0 "${plugboard_partial##*.}" 2>/dev/null && continue
      if [ -s "$plugboard_partial" ] && [ "$plugboard_partial" -nt "$plugboard_jar" ] && [ ! -f "$plugboard_archive" ]; then
        mv -f "$plugboard_partial" "$plugboard_archive" 2>/dev/null || true # another start may adopt it first
      else
        rm -f "$plugboard_partial"
      fi
    done
    if [ -f "$plugboard_archive" ]; then
      plugboard_cds_flag="-XX:SharedArchiveFile=$plugboard_archive"
    else
      plugboard_cds_flag="-XX:ArchiveClassesAtExit=$plugboard_archive.$$"
    fi
  fi
  # shellcheck disable=SC2086 # the option variables are lists of flags
  exec "$plugboard_java" "@$plugboard_args/jvm-serve.args" "$plugboard_cds_flag" -Xlog:cds=off ${JAVA_OPTS:-} ${PLUGBOARD_JAVA_OPTS:-} \
    -cp "$plugboard_cp" "$plugboard_main" "$@"
fi

plugboard_archive="${plugboard_jar%.jar}-cli.jsa"
if [ "$plugboard_cds" = off ]; then
  # shellcheck disable=SC2086
  exec "$plugboard_java" "@$plugboard_args/jvm-cli.args" ${JAVA_OPTS:-} ${PLUGBOARD_JAVA_OPTS:-} \
    -cp "$plugboard_cp" "$plugboard_main" "$@"
fi
if [ -f "$plugboard_archive" ] && [ "$plugboard_archive" -nt "$plugboard_jar" ]; then
  # shellcheck disable=SC2086
  exec "$plugboard_java" "@$plugboard_args/jvm-cli.args" -XX:SharedArchiveFile="$plugboard_archive" \
    ${JAVA_OPTS:-} ${PLUGBOARD_JAVA_OPTS:-} -cp "$plugboard_cp" "$plugboard_main" "$@"
fi
# No archive for this build yet: this command writes one as it exits (to a name of its own, then
# renamed, so that commands run side by side never read half an archive).
plugboard_partial="$plugboard_archive.$$"
trap 'rm -f "$plugboard_partial"' EXIT
set +e
# shellcheck disable=SC2086
"$plugboard_java" "@$plugboard_args/jvm-cli.args" -XX:ArchiveClassesAtExit="$plugboard_partial" \
  ${JAVA_OPTS:-} ${PLUGBOARD_JAVA_OPTS:-} -cp "$plugboard_cp" "$plugboard_main" "$@"
plugboard_status=$?
set -e
if [ -s "$plugboard_partial" ]; then mv -f "$plugboard_partial" "$plugboard_archive"; else rm -f "$plugboard_partial"; fi
exit "$plugboard_status"
