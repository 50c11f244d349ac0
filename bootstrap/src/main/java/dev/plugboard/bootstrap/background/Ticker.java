package dev.plugboard.bootstrap.background;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Daemon threads that run a server's background jobs (executor polls, reaping, workflow engine,
 * schedules) at fixed delays. A failing tick is logged and the next one tries again: a database
 * hiccup must never end a schedule.
 */
public final class Ticker implements AutoCloseable {

    private final ScheduledExecutorService threads;
    private final Logger log;

    public Ticker(String threadName, int threadCount, Logger log) {
        this.log = log;
        this.threads = Executors.newScheduledThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} every {@code every}, first after {@code initialDelay}; it returns how much it did. */
    public void every(String what, Duration initialDelay, Duration every, IntSupplier work) {
        threads.scheduleWithFixedDelay(() -> safely(what, work), initialDelay.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void safely(String what, IntSupplier work) {
        try {
            int count = work.getAsInt();
            if (count > 0) {
                log.debug("{}: {}", what, count);
            }
        } catch (RuntimeException e) {
            log.warn("{} failed, retrying on the next tick: {}", what, e.getMessage());
        }
    }

    /** Stops every job at once, interrupting those running. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
