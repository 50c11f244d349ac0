package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.LeaseLostException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SecretUnreadableException;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Executes in-process runs in this instance: claims pending runs under a lease (as many as free
 * slots allow), renews the lease while a handler works, stops a handler at its timeout, and
 * records the outcome. A handler that throws, errors or never returns fails its attempt; it
 * cannot take the server down or hold a slot past its timeout.
 */
public final class RunExecutor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunExecutor.class.getName());
    /** How long an interrupted handler gets to stop before its thread counts as abandoned. */
    private static final Duration ABANDON_GRACE = Duration.ofMillis(200);

    private final RunQueue queue;
    private final RunRepository runs;
    private final InstallationRepository installations;
    private final PluginRepository plugins;
    private final InstallationStore store;
    private final RunOutcomes outcomes;
    private final HandlerRegistry handlers;
    private final SettingsPolicy settingsPolicy;
    private final SettingsVault vault;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final ExecutionSettings settings;
    private final OutboundHttp outbound;
    private final ExecutorService runners;
    private final ExecutorService handlerThreads;
    private final ScheduledExecutorService heartbeats;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger abandonedHandlers = new AtomicInteger();

    public RunExecutor(RunQueue queue, RunRepository runs, InstallationRepository installations, PluginRepository plugins,
                       InstallationStore store, RunOutcomes outcomes, HandlerRegistry handlers,
                       SettingsPolicy settingsPolicy, SettingsVault vault, TransactionBoundary transactions,
                       TimeSource clock, ExecutionSettings settings, OutboundHttp outbound) {
        this.queue = queue;
        this.runs = runs;
        this.installations = installations;
        this.plugins = plugins;
        this.store = store;
        this.outcomes = outcomes;
        this.handlers = handlers;
        this.settingsPolicy = settingsPolicy;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.outbound = outbound;
        this.runners = Executors.newFixedThreadPool(settings.concurrency(), daemon("plugboard-run-"));
        // Handlers get threads of their own, so one that ignores interruption strands only its thread.
        this.handlerThreads = Executors.newCachedThreadPool(daemon("plugboard-handler-"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("plugboard-lease-"));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Claims as many runs as there are free slots and starts them; returns how many it claimed. */
    public int poll() {
        int free = settings.concurrency() - inFlight.get();
        if (free <= 0 || handlers.plugins().isEmpty()) {
            return 0;
        }
        Lease lease = new Lease(settings.instanceId(), clock.now().plus(settings.lease()));
        List<PluginRun> claimed = transactions.inTransaction(() -> queue.claim(handlers.plugins(), free, lease, clock.now()));
        for (PluginRun run : claimed) {
            inFlight.incrementAndGet();
            runners.execute(() -> {
                try {
                    execute(run);
                } catch (RuntimeException | Error unexpected) {
                    // The lease expires and the reaper retries the run; this thread lives on.
                    LOG.log(System.Logger.Level.ERROR, "run " + run.id() + " could not be recorded; the reaper will recover it",
                            unexpected);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        return claimed.size();
    }

    /** Runs executing in this instance now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Handler threads that ignored interruption after their timeout and may still be running. */
    public int abandonedHandlers() {
        return abandonedHandlers.get();
    }

    private record Ready(PluginHandler handler, PluginManifest manifest, Installation installation, JsonDocument settings) {
    }

    private void execute(PluginRun claimed) {
        Optional<Ready> ready = transactions.inTransaction(() -> prepare(claimed));
        if (ready.isEmpty()) {
            return;
        }
        BufferedStore buffered = new BufferedStore(store, transactions, ready.get().installation().id());
        long renewEvery = Math.max(200, settings.lease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> renew(claimed), renewEvery, renewEvery,
                TimeUnit.MILLISECONDS);
        Attempt attempt;
        try {
            attempt = invoke(claimed, ready.get(), buffered);
        } finally {
            heartbeat.cancel(false);
            awaitRenewalInFlight();
        }
        if (attempt instanceof Attempt.Abandoned) {
            return;
        }
        try {
            transactions.inTransaction(() -> record(claimed, attempt, buffered));
        } catch (LeaseLostException lost) {
            LOG.log(System.Logger.Level.WARNING, "run " + claimed.id() + " finished after its lease was lost"
                    + " (cancelled, or reaped after a stall); its result is discarded");
        }
    }

    /** Checks the run may execute now; a run that may not is failed here and never reaches its handler. */
    private Optional<Ready> prepare(PluginRun run) {
        PluginHandler handler = handlers.find(run.plugin()).orElseThrow();
        Optional<Plugin> plugin = plugins.find(run.plugin());
        if (plugin.isEmpty() || !plugin.get().isEnabled()) {
            outcomes.impossible(run, new RunError("PLUGIN_DISABLED", "plugin " + run.plugin() + " was disabled before the run started"));
            return Optional.empty();
        }
        Optional<Installation> installation = installations.find(run.owner(), run.plugin());
        if (installation.isEmpty() || !installation.get().isEnabled()) {
            outcomes.impossible(run, new RunError("INSTALLATION_DISABLED", "plugin " + run.plugin()
                    + (installation.isEmpty() ? " was uninstalled" : " was switched off") + " before the run started"));
            return Optional.empty();
        }
        if (outcomes.refusedByCircuit(run).isPresent()) {
            return Optional.empty();
        }
        JsonDocument settingsInClear;
        try {
            settingsInClear = vault.inClear(installation.get());
        } catch (SecretUnreadableException e) {
            outcomes.impossible(run, new RunError("SECRET_UNREADABLE", e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(new Ready(handler, plugin.get().manifest(), installation.get(), settingsInClear));
    }

    private Attempt invoke(PluginRun run, Ready ready, KeyValueStore buffered) {
        Duration timeout = ready.manifest().execution().timeout();
        Context context = new Context(run.owner(), run.id(), run.attempt(), buffered,
                System.getLogger("dev.plugboard.plugin." + run.plugin()), outbound);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Future<JsonDocument> result = handlerThreads.submit(() -> {
            try {
                return ready.handler().execute(run.input(), ready.settings(), context);
            } finally {
                finished.countDown();
            }
        });
        try {
            JsonDocument output = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (output == null) {
                return new Attempt.Failed(new RunError("HANDLER_ERROR", "the handler returned no output"), true);
            }
            return checked(ready.manifest(), output);
        } catch (TimeoutException e) {
            result.cancel(true);
            abandonIfStillRunning(finished, run);
            return new Attempt.Failed(new RunError("TIMEOUT", "the handler did not finish within " + describe(timeout)
                    + " and was interrupted"), true);
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt.Abandoned();
        }
    }

    /**
     * The lease scheduler has one thread: once a no-op queued now has run, no renewal of this run
     * is still writing, so recording the result cannot race one (and fail its version check).
     */
    private void awaitRenewalInFlight() {
        try {
            heartbeats.submit(() -> { }).get(settings.lease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not wait for a lease renewal: " + e);
        }
    }

    /** A cancelled future reports itself done at once; whether the handler's thread really stopped, only it can say. */
    private void abandonIfStillRunning(java.util.concurrent.CountDownLatch finished, PluginRun run) {
        try {
            if (!finished.await(ABANDON_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                abandonedHandlers.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "the handler of run " + run.id() + " ignores interruption;"
                        + " its thread is abandoned (" + abandonedHandlers.get() + " so far)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private Attempt checked(PluginManifest manifest, JsonDocument output) {
        if (manifest.outputSchema().isEmpty()) {
            return new Attempt.Succeeded(output);
        }
        List<Violation> violations = settingsPolicy.violationsOf(manifest.name().value(), manifest.version().toString(),
                "output", manifest.outputSchema().get(), output);
        if (violations.isEmpty()) {
            return new Attempt.Succeeded(output);
        }
        return new Attempt.Failed(new RunError("OUTPUT_INVALID", "the handler's output breaks its output schema: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "))), false);
    }

    private static Attempt failure(Throwable cause) {
        if (cause instanceof PluginFailure failure) {
            return new Attempt.Failed(new RunError(failure.code(), failure.getMessage()), failure.retryable());
        }
        if (cause instanceof Error error) {
            return new Attempt.Failed(new RunError("HANDLER_CRASH", error.getClass().getSimpleName() + ": " + error.getMessage()), true);
        }
        return new Attempt.Failed(new RunError("HANDLER_ERROR", cause.getClass().getSimpleName() + ": " + cause.getMessage()), true);
    }

    private Void record(PluginRun claimed, Attempt attempt, BufferedStore buffered) {
        PluginRun current = stillOurs(claimed);
        if (attempt instanceof Attempt.Succeeded success) {
            outcomes.succeeded(current, success.output()); // locks the installation row first
            buffered.commit();
        } else if (attempt instanceof Attempt.Failed failed) {
            outcomes.failed(current, failed.error(), failed.retryable());
        }
        return null;
    }

    /**
     * The run as stored, provided this instance still holds it for the same attempt: the holder's
     * name alone is not enough, since a stalled attempt may have been reaped and the run claimed
     * again by this very instance.
     */
    private PluginRun stillOurs(PluginRun claimed) {
        PluginRun current = queue.find(claimed.id()).orElseThrow(() -> new LeaseLostException(claimed.id(), settings.instanceId()));
        current.requireLeaseHeldBy(settings.instanceId(), clock.now());
        if (current.attempt() != claimed.attempt()) {
            throw new LeaseLostException(claimed.id(), settings.instanceId());
        }
        return current;
    }

    private void renew(PluginRun claimed) {
        try {
            transactions.inTransaction(() -> {
                PluginRun current = stillOurs(claimed);
                runs.update(current.renewLease(settings.instanceId(), clock.now().plus(settings.lease()), clock.now()));
                return null;
            });
        } catch (RuntimeException e) {
            // Lost (cancelled, reaped) or a passing database error: the result check decides.
            LOG.log(System.Logger.Level.DEBUG, "lease renewal of run " + claimed.id() + " failed: " + e.getMessage());
        }
    }

    /** Stops taking runs and interrupts the handlers still running; their leases expire and the reaper recovers them. */
    @Override
    public void close() {
        runners.shutdownNow();
        handlerThreads.shutdownNow();
        heartbeats.shutdownNow();
        try {
            runners.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Context(Owner owner, RunId runId, int attempt, KeyValueStore store, System.Logger logger,
                           OutboundHttp outbound) implements HandlerContext {
    }
}
