package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.run.LeaseLostException;
import dev.plugboard.domain.run.PluginRun;

/**
 * Writes an in-process attempt's bookkeeping: renews its lease while the handler works and records
 * how it ended (through {@link RunOutcomes}), provided this instance still holds the run for that
 * attempt; a late result is discarded.
 */
final class AttemptRecorder {

    private static final System.Logger LOG = System.getLogger(AttemptRecorder.class.getName());

    private final RunQueue queue;
    private final RunRepository runs;
    private final RunOutcomes outcomes;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final ExecutionSettings settings;

    AttemptRecorder(RunQueue queue, RunRepository runs, RunOutcomes outcomes, TransactionBoundary transactions,
                    TimeSource clock, ExecutionSettings settings) {
        this.queue = queue;
        this.runs = runs;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Records the attempt's end, with the handler's store writes on success; nothing for an abandoned one. */
    void record(PluginRun claimed, Attempt attempt, BufferedStore buffered) {
        if (attempt instanceof Attempt.Abandoned) {
            return; // the executor is closing: the lease expires and the reaper recovers the run
        }
        try {
            transactions.inTransaction(() -> {
                PluginRun current = stillOurs(claimed);
                if (attempt instanceof Attempt.Succeeded success) {
                    outcomes.succeeded(current, success.output()); // locks the installation row first
                    buffered.commit();
                } else if (attempt instanceof Attempt.Failed failed) {
                    outcomes.failed(current, failed.error(), failed.retryable());
                }
                return null;
            });
        } catch (LeaseLostException lost) {
            LOG.log(System.Logger.Level.WARNING, "run " + claimed.id() + " finished after its lease was lost"
                    + " (cancelled, or reaped after a stall); its result is discarded");
        }
    }

    /** Extends the lease; a failure is only logged, since recording the result decides whether the run is still ours. */
    void renew(PluginRun claimed) {
        try {
            transactions.inTransaction(() -> {
                PluginRun current = stillOurs(claimed);
                runs.update(current.renewLease(settings.instanceId(), clock.now().plus(settings.lease()), clock.now()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "lease renewal of run " + claimed.id() + " failed: " + e.getMessage());
        }
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
}
