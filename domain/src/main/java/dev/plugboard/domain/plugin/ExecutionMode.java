package dev.plugboard.domain.plugin;

/** Who executes a plugin's runs. */
public enum ExecutionMode {
    /** A handler inside the server process. */
    IN_PROCESS,
    /** An external worker that claims runs over the API. */
    EXTERNAL
}
