package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.in.execution.WorkerRunsUseCase;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.plugboard.domain.settings.SecretUnreadableException;
import dev.plugboard.domain.settings.SettingsPolicy;

/** External workers' side of execution: claim, heartbeat, complete, fail. */
public final class WorkerService implements WorkerRunsUseCase {

    private final RunQueue queue;
    private final RunRepository runs;
    private final PluginRepository plugins;
    private final RunAdmission admission;
    private final RunOutcomes outcomes;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final SettingsPolicy settingsPolicy;
    private final SettingsVault vault;

    public WorkerService(RunQueue queue, RunRepository runs, PluginRepository plugins, RunAdmission admission,
                         RunOutcomes outcomes, TransactionBoundary transactions, TimeSource clock,
                         SettingsPolicy settingsPolicy, SettingsVault vault) {
        this.queue = queue;
        this.runs = runs;
        this.plugins = plugins;
        this.admission = admission;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
        this.settingsPolicy = settingsPolicy;
        this.vault = vault;
    }

    @Override
    public List<ClaimedRun> claim(ClaimCommand command) {
        return transactions.inTransaction(() -> {
            for (PluginName name : command.plugins()) {
                Plugin plugin = plugins.find(name).orElseThrow(() -> new PluginNotFoundException(name.value()));
                if (plugin.manifest().execution().mode() != ExecutionMode.EXTERNAL) {
                    throw new InvalidValueException("plugins", name, "runs in-process, not on external workers;"
                            + " only plugins whose manifest says 'execution: {mode: external}' can be claimed");
                }
            }
            Instant now = clock.now();
            Lease lease = new Lease(holder(command.worker()), now.plusSeconds(command.leaseSeconds()));
            List<ClaimedRun> claimed = new ArrayList<>();
            RunAdmission.ClaimReads reads = admission.new ClaimReads();
            for (PluginRun run : queue.claim(command.plugins(), command.max(), lease, now,
                    admission.perOwnerLimits(command.plugins()))) {
                Optional<RunAdmission.Admitted> admitted = admission.toExecute(run, reads);
                if (admitted.isPresent()) {
                    try {
                        // The one place settings leave Plugboard in clear: to the worker that runs the plugin.
                        claimed.add(new ClaimedRun(run, vault.forRun(admitted.get().installation(), run)));
                    } catch (SecretUnreadableException e) {
                        outcomes.impossible(run, new RunError("SECRET_UNREADABLE", e.getMessage()));
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public PluginRun heartbeat(String worker, RunId id, int leaseSeconds) {
        if (leaseSeconds < MIN_LEASE_SECONDS || leaseSeconds > MAX_LEASE_SECONDS) {
            throw new InvalidValueException("leaseSeconds", leaseSeconds, "must be " + MIN_LEASE_SECONDS + " to " + MAX_LEASE_SECONDS);
        }
        return transactions.inTransaction(() -> {
            PluginRun run = held(worker, id);
            return runs.update(run.renewLease(holder(worker), clock.now().plusSeconds(leaseSeconds), clock.now()));
        });
    }

    @Override
    public PluginRun complete(String worker, RunId id, JsonDocument output) {
        JsonDocument result = output == null ? JsonDocument.empty() : output;
        return transactions.inTransaction(() -> {
            PluginRun run = held(worker, id);
            Optional<RunError> invalid = plugins.find(run.plugin()).flatMap(plugin -> OutputCheck.violation(settingsPolicy,
                    plugin.manifest(), result, "the worker's output breaks the plugin's output schema"));
            return invalid.isPresent() ? outcomes.failed(run, invalid.get(), false) : outcomes.succeeded(run, result);
        });
    }

    @Override
    public PluginRun fail(String worker, RunId id, String code, String message, boolean retryable) {
        RunError error = new RunError(code, message);
        return transactions.inTransaction(() -> outcomes.failed(held(worker, id), error, retryable));
    }

    private PluginRun held(String worker, RunId id) {
        PluginRun run = queue.find(id).orElseThrow(() -> new RunNotFoundException(id));
        run.requireLeaseHeldBy(holder(worker), clock.now());
        return run;
    }

    /** Workers' leases are named apart from the server instances' own. */
    private static String holder(String worker) {
        return "worker:" + worker;
    }
}
