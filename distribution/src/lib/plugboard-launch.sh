# Starts Plugboard's JVM; sourced (POSIX sh) by bin/plugboard of the release archive and by the
# source checkout's ./plugboard, after they set:
#   plugboard_jar   the executable jar (its folder also holds the class-data archive, when writable)
#   plugboard_cp    the class path: the jar, then any jars beside it (other systems' PostgreSQL binaries)
#   plugboard_args  the folder of jvm-serve.args and jvm-cli.args
# JAVA_HOME picks the JVM; JAVA_OPTS, then PLUGBOARD_JAVA_OPTS, are added to every command's flags
# (later flags win). Commands other than serve use a class-data archive of Plugboard's own classes
# (AppCDS) that the first command after a build writes next to the jar (plugboard-cli.jsa);
# PLUGBOARD_CDS=off does without it.

plugboard_java=java
if [ -n "${JAVA_HOME:-}" ]; then
  plugboard_java="$JAVA_HOME/bin/java"
fi
plugboard_main=dev.plugboard.bootstrap.PlugboardMain

if [ "${1:-}" = "serve" ]; then
  # shellcheck disable=SC2086 # the option variables are lists of flags
  exec "$plugboard_java" "@$plugboard_args/jvm-serve.args" ${JAVA_OPTS:-} ${PLUGBOARD_JAVA_OPTS:-} \
    -cp "$plugboard_cp" "$plugboard_main" "$@"
fi

plugboard_archive="${plugboard_jar%.jar}-cli.jsa"
if [ "${PLUGBOARD_CDS:-on}" = "off" ] || [ ! -w "$(dirname "$plugboard_jar")" ]; then
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
