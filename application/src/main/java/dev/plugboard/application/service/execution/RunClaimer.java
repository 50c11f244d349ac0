package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.LogContext;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SecretUnreadableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The in-process executor's claim: up to {@code max} runs moved to processing under this
 * instance's lease and each admitted by {@link RunAdmission} (a refused run fails there), all in
 * one transaction, so that a batch costs one commit rather than one per run.
 */
final class RunClaimer {

    private static final System.Logger LOG = System.getLogger(RunClaimer.class.getName());

    /** What a handler needs for an admitted run: its settings in clear. */
    record Ready(PluginHandler handler, PluginManifest manifest, Installation installation, JsonDocument settings) {
    }

    /** A claimed run, {@code ready} when it may execute now; empty when it was refused (and failed) or left to the reaper. */
    record Claimed(PluginRun run, Optional<Ready> ready) {
    }

    private final RunQueue queue;
    private final RunAdmission admission;
    private final RunOutcomes outcomes;
    private final HandlerRegistry handlers;
    private final SettingsVault vault;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final ExecutionSettings settings;
    private final LogContext logContext;

    RunClaimer(RunQueue queue, RunAdmission admission, RunOutcomes outcomes, HandlerRegistry handlers, SettingsVault vault,
               TransactionBoundary transactions, TimeSource clock, ExecutionSettings settings, LogContext logContext) {
        this.queue = queue;
        this.admission = admission;
        this.outcomes = outcomes;
        this.handlers = handlers;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.logContext = logContext;
    }

    /** Claims and admits up to {@code max} runs of the plugins this server has handlers for. */
    List<Claimed> claim(int max) {
        Lease lease = new Lease(settings.instanceId(), clock.now().plus(settings.lease()));
        return transactions.inTransaction(() -> {
            List<Claimed> claimed = new ArrayList<>();
            RunAdmission.ClaimReads reads = admission.new ClaimReads();
            for (PluginRun run : queue.claim(handlers.plugins(), max, lease, clock.now(), admission.perOwnerLimits(handlers.plugins()))) {
                try (LogContext.Scope ignored = logContext.open(RunExecutor.logFields(run))) {
                    claimed.add(new Claimed(run, prepare(run, reads)));
                } catch (RuntimeException unexpected) {
                    // A database error ends the whole claim (its transaction is spoiled) and the runs stay
                    // pending; anything else leaves this run claimed, and the reaper recovers it.
                    LOG.log(System.Logger.Level.ERROR, "run " + run.id() + " could not be prepared; the reaper will recover it",
                            unexpected);
                    claimed.add(new Claimed(run, Optional.empty()));
                }
            }
            return claimed;
        });
    }

    /** Asks {@link RunAdmission}; a run it refuses is failed there and never reaches its handler. */
    private Optional<Ready> prepare(PluginRun run, RunAdmission.ClaimReads reads) {
        PluginHandler handler = handlers.find(run.plugin()).orElseThrow();
        Optional<RunAdmission.Admitted> admitted = admission.toExecute(run, reads);
        if (admitted.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonDocument inClear = vault.forRun(admitted.get().installation(), run);
            return Optional.of(new Ready(handler, admitted.get().plugin().manifest(), admitted.get().installation(), inClear));
        } catch (SecretUnreadableException e) {
            outcomes.impossible(run, new RunError("SECRET_UNREADABLE", e.getMessage()));
            return Optional.empty();
        }
    }
}
