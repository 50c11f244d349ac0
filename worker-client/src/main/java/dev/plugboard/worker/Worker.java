package dev.plugboard.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An external worker: claims runs of its plugins while it has free slots, hands each to the
 * {@link RunHandler} on a thread of its own while {@link LeaseKeeper} renews the lease, and reports the
 * outcome. It backs off when nothing waits and, further, when the server cannot be reached. A
 * {@link #shutdown(Duration) shutdown} stops claiming, lets the runs in hand finish within the grace
 * period, then interrupts them and gives them back as retryable {@code WORKER_STOPPED} failures, so that
 * another worker takes them at once instead of after the lease.
 */
public final class Worker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final int REPORT_TRIES = 3;

    private final WorkerSettings settings;
    private final WorkerApi api;
    private final RunHandler handler;
    private final RunReporter reporter;
    private final LeaseKeeper leases;
    private final Semaphore slots;
    private final ExecutorService handlers;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread claimLoop;

    private Worker(WorkerSettings settings, RunHandler handler) {
        this.settings = settings;
        this.api = new WorkerApi(settings.baseUrl(), settings.token(), settings.requestTimeout());
        this.handler = handler;
        this.reporter = new RunReporter(settings.errorBackoff(), settings.maxErrorBackoff(), REPORT_TRIES);
        this.leases = new LeaseKeeper(api, settings.lease());
        this.slots = new Semaphore(settings.concurrency());
        AtomicInteger number = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(settings.concurrency(),
                runnable -> new Thread(runnable, "plugboard-worker-run-" + number.incrementAndGet()));
        this.claimLoop = new Thread(this::claimLoop, "plugboard-worker-claim");
    }

    /** Starts claiming at once; {@link #close()} or {@link #shutdown(Duration)} stops it. */
    public static Worker start(WorkerSettings settings, RunHandler handler) {
        Worker worker = new Worker(settings, handler);
        worker.claimLoop.start();
        LOG.log(System.Logger.Level.INFO, "Worker started for " + settings.plugins() + " at " + settings.baseUrl());
        return worker;
    }

    /** Shuts down gracefully when the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public Worker stopOnJvmShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "plugboard-worker-shutdown"));
        return this;
    }

    private void claimLoop() {
        Backoff idle = new Backoff(settings.idleBackoff(), settings.maxIdleBackoff(), Math::random);
        Backoff errors = new Backoff(settings.errorBackoff(), settings.maxErrorBackoff(), Math::random);
        while (!stopping.get()) {
            int free = freeSlots();
            if (free == 0) {
                continue;
            }
            List<ClaimedRun> runs;
            try {
                runs = api.claim(settings.plugins(), free, settings.lease());
                errors.reset();
            } catch (WorkerApiException e) {
                slots.release(free);
                LOG.log(e.isTransient() ? System.Logger.Level.WARNING : System.Logger.Level.ERROR,
                        "Claim failed; trying again later: " + e.getMessage());
                pause(e.waitAtLeast(errors.next(), settings.maxErrorBackoff()));
                continue;
            }
            slots.release(free - runs.size());
            if (runs.isEmpty()) {
                pause(idle.next());
                continue;
            }
            idle.reset();
            runs.forEach(run -> handlers.execute(() -> execute(run)));
        }
    }

    /** Waits a little for a free slot, then takes every free one: a claim asks for that many runs. */
    private int freeSlots() {
        try {
            if (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
            return 0;
        }
        return 1 + slots.drainPermits();
    }

    private void pause(Duration wait) {
        try {
            stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
        }
    }

    private void execute(ClaimedRun run) {
        LeaseKeeper.Held held = leases.hold(run);
        Outcome outcome = handle(run, held);
        try {
            if (held.lost()) {
                LOG.log(System.Logger.Level.WARNING, "Discarded the result of " + run + ": its lease was lost");
            } else if (outcome.output != null) {
                // Finished, even if a shutdown's grace ran out meanwhile: the result is reported, not thrown away.
                reporter.report(run, () -> api.complete(run, outcome.output));
            } else if (held.stopped()) {
                reporter.report(run, () -> api.fail(run, "WORKER_STOPPED", "the worker shut down before the run finished", true));
            } else {
                reporter.report(run, () -> api.fail(run, outcome.code, outcome.message, outcome.retryable));
            }
        } finally {
            slots.release();
        }
    }

    private Outcome handle(ClaimedRun run, LeaseKeeper.Held held) {
        try {
            return Outcome.completed(handler.handle(run));
        } catch (RunFailure failure) {
            return Outcome.failed(failure.code(), failure.getMessage(), failure.retryable());
        } catch (Exception | LinkageError e) {
            return Outcome.failed("HANDLER_ERROR", String.valueOf(e), true);
        } finally {
            leases.release(held);
            Thread.interrupted(); // a late interrupt must not cut the report short
        }
    }

    /**
     * Stops claiming and waits up to {@code grace} for the runs in hand; those still running then are
     * interrupted and given back. Returns whether every run finished within the grace period.
     */
    public boolean shutdown(Duration grace) {
        if (!stopping.compareAndSet(false, true) && handlers.isTerminated()) {
            return true;
        }
        stopSignal.countDown();
        try {
            claimLoop.join(settings.requestTimeout().plusSeconds(1).toMillis());
            handlers.shutdown();
            boolean finished = handlers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                leases.stopAll();
                handlers.awaitTermination(settings.requestTimeout().multipliedBy(REPORT_TRIES + 1).toMillis(), TimeUnit.MILLISECONDS);
            }
            return finished;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handlers.shutdownNow();
            return false;
        } finally {
            leases.close();
            LOG.log(System.Logger.Level.INFO, "Worker for " + settings.plugins() + " stopped");
        }
    }

    /** {@link #shutdown(Duration)} with the settings' grace period. */
    @Override
    public void close() {
        shutdown(settings.shutdownGrace());
    }

    /** What the handler came to: an output, or a failure to report. */
    private record Outcome(Map<String, ?> output, String code, String message, boolean retryable) {
        static Outcome completed(Map<String, ?> output) {
            return new Outcome(output == null ? Map.of() : output, null, null, false);
        }

        static Outcome failed(String code, String message, boolean retryable) {
            return new Outcome(null, code, message, retryable);
        }
    }
}
