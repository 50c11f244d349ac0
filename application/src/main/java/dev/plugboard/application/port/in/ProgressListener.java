package dev.plugboard.application.port.in;

/**
 * Told how far a long use case has got (a catalog sync, a state apply, a prune, a key rotation), so
 * that the caller can show it: a bar on a terminal, a line now and then in a log, nothing at all.
 * Called on the use case's own thread, between units of work; it must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The {@code total} of a task whose size is not known in advance. */
    long UNKNOWN = -1;

    /** Tells nobody: the default of every command that takes a listener. */
    ProgressListener NONE = (task, done, total) -> { };

    /**
     * @param task  what is being done, a few words such as {@code "sync plugins"}
     * @param done  the units done so far in this task
     * @param total the units in all, or {@link #UNKNOWN}
     */
    void progress(String task, long done, long total);
}
