package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.run.LeaseLostException;
import dev.plugboard.domain.run.PluginRun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the attempt ends {@link AttemptRecorder} collects, inside its transaction, provided this
 * instance still holds each run for that attempt (its lease live, the run's row as we last wrote it).
 */
final class AttemptEnds {

    private final RunOutcomes outcomes;
    private final TimeSource clock;
    private final ExecutionSettings settings;

    AttemptEnds(RunOutcomes outcomes, TimeSource clock, ExecutionSettings settings) {
        this.outcomes = outcomes;
        this.clock = clock;
        this.settings = settings;
    }

    /** One attempt's end waiting to be written; {@code failure} is what writing it threw, for its own thread. */
    static final class Ending {
        final PluginRun claimed;
        final Attempt attempt;
        final BufferedStore buffered;
        final DeferredTelemetry reports;
        boolean written;
        RuntimeException failure;

        Ending(PluginRun claimed, Attempt attempt, BufferedStore buffered, DeferredTelemetry reports) {
            this.claimed = claimed;
            this.attempt = attempt;
            this.buffered = buffered;
            this.reports = reports;
        }
    }

    /** Rows are locked in this order within a batch (owner, then plugin), so that two batches never wait on each other. */
    static final Comparator<Ending> LOCK_ORDER = Comparator
            .comparing((Ending ending) -> ending.claimed.owner().toString())
            .thenComparing(ending -> ending.claimed.plugin().value());

    /**
     * Inside a transaction, a batch in lock order: each stretch of successes of one owner and plugin
     * in a row is written together (one circuit write, one installation write, the runs and their
     * attempts as batches); a failure is written alone, in its place, so that the circuit sees the
     * outcomes in the order they came, as if each had been written by itself.
     */
    void writeTogether(List<Ending> batch) {
        List<Ending> successes = new ArrayList<>();
        for (Ending ending : batch) {
            boolean success = ending.attempt instanceof Attempt.Succeeded;
            if (!successes.isEmpty() && (!success || LOCK_ORDER.compare(successes.get(0), ending) != 0)) {
                writeSuccesses(successes);
                successes.clear();
            }
            if (success) {
                successes.add(ending);
            } else {
                writeOne(ending);
            }
        }
        if (!successes.isEmpty()) {
            writeSuccesses(successes);
        }
    }

    /** Successes of one owner and plugin; a run no longer ours fails the batch, which is then written one by one. */
    private void writeSuccesses(List<Ending> endings) {
        outcomes.succeeded(endings.stream().map(ending -> new RunOutcomes.Success(stillOurs(ending.claimed),
                ((Attempt.Succeeded) ending.attempt).output(), ending.reports)).toList());
        endings.forEach(ending -> ending.buffered.commit()); // after the installation's row is locked, as alone
    }

    /** Inside a transaction: the run moves on as the attempt ended, provided it is still ours. */
    void writeOne(Ending ending) {
        PluginRun current = stillOurs(ending.claimed);
        if (ending.attempt instanceof Attempt.Succeeded success) {
            lostOnConflict(current, () -> outcomes.succeeded(current, success.output(), ending.reports)); // the circuit's row first
            ending.buffered.commit();
        } else if (ending.attempt instanceof Attempt.Failed failed) {
            lostOnConflict(current, () -> outcomes.failed(current, failed.error(), failed.retryable(), ending.reports));
        }
    }

    /**
     * Our own lease, as we last wrote it, must still be live; whether the row is still as we wrote
     * it, the update's version check says.
     */
    PluginRun stillOurs(PluginRun held) {
        held.requireLeaseHeldBy(settings.instanceId(), clock.now());
        return held;
    }

    /** A version conflict on the run itself means someone else wrote it since our last write: the lease is lost. */
    static PluginRun lostOnConflict(PluginRun run, Supplier<PluginRun> write) {
        try {
            return write.get();
        } catch (ConcurrencyConflictException conflict) {
            if ("run".equals(conflict.aggregate()) && run.id().toString().equals(conflict.id())) {
                throw new LeaseLostException(run.id(), run.lease().map(lease -> lease.holder()).orElse("?"));
            }
            throw conflict;
        }
    }
}
