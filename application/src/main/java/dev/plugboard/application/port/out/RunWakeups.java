package dev.plugboard.application.port.out;

/**
 * Tells executors at once that a run may have become pending, so that they need not wait for
 * their next poll (PostgreSQL: {@code LISTEN/NOTIFY}; in memory: a direct call). A hint only:
 * the claim decides, and polling stays the fallback when the signal is lost.
 */
@FunctionalInterface
public interface RunWakeups {

    /** No signal: executors find new runs by polling alone. */
    RunWakeups NONE = onPending -> () -> { };

    /**
     * Calls {@code onPending} (on a thread of the adapter's) whenever a run may have become
     * pending, until the returned handle is closed. {@code onPending} must return quickly.
     */
    Subscription listen(Runnable onPending);

    /** Stops a {@link #listen} subscription. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
