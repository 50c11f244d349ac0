package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;

import java.time.Duration;
import java.util.List;

/**
 * Recovers runs whose executor or worker died: a processing run whose lease expired goes back to
 * pending while attempts remain and fails with {@code LEASE_EXPIRED} otherwise. Several reapers
 * may run at once; each expired run is handled by one of them. Also fails external runs no worker
 * claimed within their plugin's start timeout ({@code NOT_CLAIMED}), and forgets idle circuits.
 */
public final class LeaseReaper {

    private static final int BATCH = 100;

    private final RunQueue queue;
    private final CircuitRepository circuits;
    private final PluginRepository plugins;
    private final RunOutcomes outcomes;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final Duration idleCircuit;

    public LeaseReaper(RunQueue queue, CircuitRepository circuits, PluginRepository plugins, RunOutcomes outcomes, TransactionBoundary transactions,
                       TimeSource clock, Duration idleCircuit) {
        this.queue = queue;
        this.circuits = circuits;
        this.plugins = plugins;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
        this.idleCircuit = idleCircuit;
    }

    /** One sweep; returns how many runs it recovered or failed. */
    public int reap() {
        int reaped = transactions.inTransaction(() -> {
            List<PluginRun> expired = queue.expiredLeases(clock.now(), BATCH);
            for (PluginRun run : expired) {
                String holder = run.lease().map(lease -> lease.holder()).orElse("?");
                outcomes.failed(run, new RunError("LEASE_EXPIRED", "'" + holder
                        + "' stopped renewing its lease (it died or hangs)"), true);
            }
            return expired.size();
        });
        int unclaimed = transactions.inTransaction(this::failUnclaimed);
        transactions.inTransaction(() -> circuits.deleteIdle(clock.now().minus(idleCircuit)));
        return reaped + unclaimed;
    }

    /** Temporal's schedule-to-start timeout: an external run waits for a worker at most its plugin's {@code execution.startTimeout}. */
    private int failUnclaimed() {
        int failed = 0;
        for (Plugin plugin : plugins.findAll()) {
            ExecutionPolicy execution = plugin.manifest().execution();
            if (execution.mode() != ExecutionMode.EXTERNAL) {
                continue;
            }
            for (PluginRun run : queue.unclaimedSince(plugin.name(), clock.now().minus(execution.startTimeout()), BATCH)) {
                outcomes.rejected(run, new RunError("NOT_CLAIMED", "no worker claimed the run within the start timeout of "
                        + execution.startTimeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                        + " (manifest execution.startTimeout); check that workers for plugin " + plugin.name() + " are running"));
                failed++;
            }
        }
        return failed;
    }
}
