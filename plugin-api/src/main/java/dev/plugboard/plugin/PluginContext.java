package dev.plugboard.plugin;

/** What a handler knows of the run it executes: whose it is, which one, its store, its logger, and whether to stop. */
public interface PluginContext {

    /** The owner of the installation, such as {@code user:alice} or {@code org:acme}. */
    String owner();

    /** The run's id (a UUID); put it in log lines that need it. */
    String runId();

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    int attempt();

    /** The installation's own key-value store, kept between runs; writes are kept only if the run succeeds. */
    KeyValueStore store();

    /** A logger whose lines reach the server's log with the plugin's name and the run id. */
    System.Logger logger();

    /**
     * True once the server gave up on this run (its timeout passed, or it was cancelled). A long
     * handler checks it between steps and returns or throws; the host is killed shortly after anyway.
     */
    boolean isCancelled();
}
