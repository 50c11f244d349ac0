package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.RunWakeups;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link RunExecutor} so that free slots never stay idle while runs are pending. One
 * thread claims, in batches of up to the free slots, whenever something may have changed:
 * <ul>
 *   <li>a run became pending ({@link RunWakeups}: PostgreSQL {@code NOTIFY}, or the in-memory signal);</li>
 *   <li>a slot freed after a claim that filled every slot (the queue may hold more);</li>
 *   <li>the poll interval passed: the fallback for runs whose backoff ended, and for lost signals.</li>
 * </ul>
 * A claim that filled every slot is followed at once by another while slots are free. Wake-ups
 * that come during a claim are kept, so none is lost.
 */
public final class ClaimLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClaimLoop.class.getName());

    private final RunExecutor executor;
    private final RunWakeups wakeups;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean closed;
    private Thread thread;
    private RunWakeups.Subscription subscription;

    public ClaimLoop(RunExecutor executor, RunWakeups wakeups, Duration pollInterval) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, not " + pollInterval);
        }
        this.pollInterval = pollInterval;
    }

    /** The executor this loop drives (for health and metrics). */
    public RunExecutor executor() {
        return executor;
    }

    /** Starts the claiming thread and listens for pending runs; the first claim happens at once. */
    public synchronized ClaimLoop start() {
        if (thread != null) {
            return this;
        }
        executor.onSlotFreed(() -> {
            if (executor.lastClaimFull()) {
                wake();
            }
        });
        subscription = wakeups.listen(this::wake);
        thread = new Thread(this::loop, "plugboard-claim");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Asks for a claim now (also from other threads). */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (!closed) {
            wake.drainPermits();
            claimWhileFull();
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims, and claims again at once while the last claim filled every slot and slots are free again. */
    private void claimWhileFull() {
        try {
            do {
                executor.poll();
            } while (!closed && executor.lastClaimFull() && executor.freeSlots() > 0);
        } catch (RuntimeException e) {
            // A database hiccup must not end the loop; the next wake or poll tries again.
            LOG.log(System.Logger.Level.WARNING, "claiming runs failed, retrying in " + pollInterval + ": " + e.getMessage());
        }
    }

    /** Stops listening and claiming, then closes the executor (handlers still running are interrupted). */
    @Override
    public synchronized void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor.close();
    }
}
