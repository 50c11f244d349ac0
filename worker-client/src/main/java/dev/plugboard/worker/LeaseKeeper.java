package dev.plugboard.worker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews the lease of every run in hand every third of the lease, as the server's own executor does, so
 * that two renewals may fail before the lease runs out. When the server answers {@code lease_lost} the
 * run is no longer ours: its handler thread is interrupted and its result will be discarded.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final WorkerApi api;
    private final Duration lease;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    LeaseKeeper(WorkerApi api, Duration lease) {
        this.api = api;
        this.lease = lease;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plugboard-worker-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts renewing {@code run}, worked on by the current thread. */
    Held hold(ClaimedRun run) {
        Held it = new Held(run, Thread.currentThread());
        held.put(run.id(), it);
        return it;
    }

    /** Stops renewing; from now on the run's thread is never interrupted on its account. */
    void release(Held it) {
        held.remove(it.run.id(), it);
        it.release();
    }

    /** A shutdown whose grace ran out: every handler is interrupted, and its run given back. */
    void stopAll() {
        held.values().forEach(it -> it.interrupt(false));
    }

    private void renewAll() {
        for (Held it : held.values()) {
            try {
                api.heartbeat(it.run, lease);
            } catch (LeaseLostException e) {
                LOG.log(System.Logger.Level.WARNING, "Lost the lease on " + it.run + "; stopping its handler: " + e.getMessage());
                held.remove(it.run.id(), it);
                it.interrupt(true);
            } catch (RuntimeException e) {
                // The lease still has two thirds to run: the next renewal may get through.
                LOG.log(System.Logger.Level.WARNING, "Could not renew the lease on " + it.run + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** A run in hand and the thread working on it. */
    static final class Held {
        private final ClaimedRun run;
        private final Thread thread;
        private boolean released;
        private boolean lost;
        private boolean stopped;

        private Held(ClaimedRun run, Thread thread) {
            this.run = run;
            this.thread = thread;
        }

        private synchronized void interrupt(boolean leaseLost) {
            if (released) {
                return;
            }
            lost |= leaseLost;
            stopped |= !leaseLost;
            thread.interrupt();
        }

        private synchronized void release() {
            released = true;
        }

        /** The server took the run back: report nothing. */
        synchronized boolean lost() {
            return lost;
        }

        /** The worker stopped it before it finished. */
        synchronized boolean stopped() {
            return stopped;
        }
    }
}
