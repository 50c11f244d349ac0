package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.LogContext;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Claims and dispatches in-process runs in this instance: as many as free slots allow, each
 * admitted by {@link RunAdmission}, its lease renewed while {@link HandlerInvoker} runs the
 * handler, its end written by {@link AttemptRecorder}. A handler that throws, errors or never
 * returns fails its attempt; it cannot take the server down.
 */
public final class RunExecutor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunExecutor.class.getName());

    private final RunClaimer claimer;
    private final InstallationStore store;
    private final HandlerRegistry handlers;
    private final SettingsPolicy settingsPolicy;
    private final TransactionBoundary transactions;
    private final ExecutionSettings settings;
    private final OutboundHttp outbound;
    private final AttemptRecorder recorder;
    private final LogContext logContext;
    private final HandlerInvoker invoker;
    private final ExecutionSlots slots;
    private final ExecutorService runners = Executors.newCachedThreadPool(Threads.daemon("plugboard-run-"));
    private volatile boolean lastClaimFull;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(Threads.daemon("plugboard-lease-"));

    public RunExecutor(RunQueue queue, RunAdmission admission, RunOutcomes outcomes, RunRepository runs,
                       InstallationStore store, HandlerRegistry handlers, SettingsPolicy settingsPolicy, SettingsVault vault,
                       TransactionBoundary transactions, TimeSource clock, ExecutionSettings settings, OutboundHttp outbound,
                       LogContext logContext) {
        this.claimer = new RunClaimer(queue, admission, outcomes, handlers, vault, transactions, clock, settings, logContext);
        this.store = store;
        this.handlers = handlers;
        this.settingsPolicy = settingsPolicy;
        this.transactions = transactions;
        this.settings = settings;
        this.outbound = outbound;
        this.logContext = logContext;
        this.invoker = new HandlerInvoker(logContext);
        this.recorder = new AttemptRecorder(runs, outcomes, transactions, clock, settings);
        this.slots = new ExecutionSlots(settings.concurrency());
    }

    /**
     * Claims as many runs as there are free slots, in one batch, and starts them; returns how many
     * it claimed. A claim that filled every free slot leaves {@link #lastClaimFull()} set: more runs
     * may be pending, so whoever drives the executor claims again as soon as a slot frees.
     */
    public int poll() {
        int free = slots.free();
        if (free <= 0) {
            return 0; // whether more runs wait is as unknown as before: lastClaimFull stays
        }
        lastClaimFull = false;
        if (handlers.plugins().isEmpty()) {
            return 0;
        }
        List<RunClaimer.Claimed> claimed = claimer.claim(free);
        lastClaimFull = claimed.size() == free;
        for (RunClaimer.Claimed run : claimed) {
            if (run.ready().isEmpty()) {
                continue; // refused (failed already), or left to the reaper
            }
            ExecutionSlots.Slot slot = slots.take();
            runners.execute(() -> {
                try {
                    execute(run.run(), run.ready().get(), slot);
                } catch (RuntimeException | Error unexpected) {
                    // The lease expires and the reaper retries the run; this thread lives on.
                    LOG.log(System.Logger.Level.ERROR, "run " + run.run().id() + " could not be recorded; the reaper will recover it",
                            unexpected);
                } finally {
                    slot.releaseUnlessHandedOver();
                }
            });
        }
        return claimed.size();
    }

    /** Whether the last {@link #poll()} claimed a run for every free slot: the queue may hold more. */
    public boolean lastClaimFull() {
        return lastClaimFull;
    }

    /** Free slots now: how many runs the next {@link #poll()} may claim. */
    public int freeSlots() {
        return slots.free();
    }

    /** Calls {@code listener} each time a slot frees (on the thread that frees it); it must return quickly. */
    public void onSlotFreed(Runnable listener) {
        slots.onRelease(listener);
    }

    /** Slots taken now: runs executing plus abandoned handler threads still alive. */
    public int inFlight() {
        return slots.taken();
    }

    /** Handler threads that ignored interruption after their timeout and are still running; each still holds its slot. */
    public int abandonedHandlers() {
        return invoker.abandoned();
    }

    private void execute(PluginRun claimed, RunClaimer.Ready ready, ExecutionSlots.Slot slot) {
        try (LogContext.Scope ignored = logContext.open(logFields(claimed))) {
            executeInContext(claimed, ready, slot);
        }
    }

    /** What each log line about the run carries: its id, plugin, owner and trace id. */
    static Map<String, String> logFields(PluginRun run) {
        return Map.of("runId", run.id().toString(), "plugin", run.plugin().toString(), "owner", run.owner().toString(),
                "traceId", RunTrace.traceId(run));
    }

    private void executeInContext(PluginRun claimed, RunClaimer.Ready ready, ExecutionSlots.Slot slot) {
        BufferedStore buffered = new BufferedStore(store, transactions, ready.installation().id());
        long renewEvery = Math.max(200, settings.lease().toMillis() / 3);
        AtomicReference<PluginRun> held = new AtomicReference<>(claimed);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> recorder.renew(held), renewEvery, renewEvery,
                TimeUnit.MILLISECONDS);
        Attempt attempt;
        try {
            HandlerContext context = new RunHandlerContext(claimed.owner(), claimed.id(), claimed.attempt(), buffered,
                    System.getLogger("dev.plugboard.plugin." + claimed.plugin()), new TracedOutbound(outbound, claimed));
            attempt = checked(ready.manifest(), invoker.invoke(ready.handler(), claimed, claimed.input(),
                    ready.settings(), context, ready.manifest().execution().timeout(), slot));
        } finally {
            heartbeat.cancel(false);
            awaitRenewalInFlight();
        }
        recorder.record(held, attempt, buffered);
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
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not wait for a lease renewal: " + e);
        }
    }

    /** Output that breaks the manifest's output schema fails the attempt for good. */
    private Attempt checked(PluginManifest manifest, Attempt attempt) {
        if (!(attempt instanceof Attempt.Succeeded success)) {
            return attempt;
        }
        return OutputCheck.violation(settingsPolicy, manifest, success.output(), "the handler's output breaks its output schema")
                .<Attempt>map(error -> new Attempt.Failed(error, false)).orElse(attempt);
    }

    /** Stops taking runs and interrupts the handlers still running; their leases expire and the reaper recovers them. */
    @Override
    public void close() {
        runners.shutdownNow();
        invoker.close();
        heartbeats.shutdownNow();
        try {
            runners.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
