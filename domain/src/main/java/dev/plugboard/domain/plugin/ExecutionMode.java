package dev.plugboard.domain.plugin;

/** Who executes a plugin's runs. */
public enum ExecutionMode {
    /** A handler inside the server process. */
    IN_PROCESS,
    /** An external worker that claims runs over the API. */
    EXTERNAL,
    /** The plugin's own jar, in a plugin host: a child JVM of the server with its own memory limit. */
    PROCESS;

    /** The manifest's spelling: {@code in-process}, {@code external} or {@code process}. */
    public String manifestName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
