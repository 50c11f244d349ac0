package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.execution.AttemptEnds.Ending;
import dev.plugboard.domain.run.LeaseLostException;
import dev.plugboard.domain.run.PluginRun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes an in-process attempt's bookkeeping: renews its lease while the handler works and records
 * how it ended (through {@link RunOutcomes}), provided this instance still holds the run for that
 * attempt; a late result is discarded.
 */
final class AttemptRecorder {

    private static final System.Logger LOG = System.getLogger(AttemptRecorder.class.getName());

    private final RunRepository runs;
    private final RunOutcomes outcomes;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final ExecutionSettings settings;
    private final AttemptEnds ends;

    AttemptRecorder(RunRepository runs, RunOutcomes outcomes, TransactionBoundary transactions,
                    TimeSource clock, ExecutionSettings settings) {
        this.runs = runs;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.ends = new AttemptEnds(outcomes, clock, settings);
    }

    /** Ends not yet written, guarded by {@link #writer}'s turn: whoever holds it writes them all. */
    private final ConcurrentLinkedQueue<Ending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * Records the attempt's end, with the handler's store writes on success; nothing for an
     * abandoned one. {@code held} is the run as this instance last wrote it (the claim, then each
     * renewal): the run's update carries that version, so anyone else's write since (a cancel, the
     * reaper, another claim) makes it fail and the result is discarded, without reading the run first.
     * <p>
     * Group commit: ends that arrive while another thread writes wait for their turn, and the next
     * writer writes every waiting end in one transaction, so the rows all runs of one owner and
     * plugin share (circuit, installation) are locked and committed once per batch, not once per
     * run. Should the batch fail (a lost lease, a conflict), it is rolled back whole and each end is
     * written alone, as if it had come by itself.
     */
    void record(AtomicReference<PluginRun> held, Attempt attempt, BufferedStore buffered) {
        if (attempt instanceof Attempt.Abandoned) {
            return; // the executor is closing: the lease expires and the reaper recovers the run
        }
        Ending ending = new Ending(held.get(), attempt, buffered, new DeferredTelemetry(outcomes.telemetry()));
        waiting.add(ending);
        writer.lock();
        try {
            if (!ending.written) {
                List<Ending> batch = new ArrayList<>();
                for (Ending next = waiting.poll(); next != null; next = waiting.poll()) {
                    batch.add(next);
                }
                write(batch);
            }
            if (!ending.written) {
                write(List.of(ending)); // a writer that took it along died of an Error before writing
            }
        } finally {
            writer.unlock();
        }
        if (ending.failure != null) {
            throw ending.failure;
        }
    }

    private void write(List<Ending> arrived) {
        List<Ending> batch = arrived.stream().sorted(AttemptEnds.LOCK_ORDER).toList();
        if (batch.size() > 1) {
            try {
                transactions.inTransaction(() -> {
                    ends.writeTogether(batch);
                    return null;
                });
                batch.forEach(ending -> {
                    ending.written = true;
                    ending.reports.send();
                });
                return;
            } catch (RuntimeException e) {
                batch.forEach(ending -> ending.reports.drop());
                LOG.log(System.Logger.Level.DEBUG, "a batch of " + batch.size() + " attempt ends failed (" + e.getMessage()
                        + "); writing each alone");
            }
        }
        for (Ending ending : batch) {
            try {
                transactions.inTransaction(() -> {
                    ends.writeOne(ending);
                    return null;
                });
                ending.reports.send();
            } catch (LeaseLostException lost) {
                ending.reports.drop();
                LOG.log(System.Logger.Level.WARNING, "run " + ending.claimed.id() + " finished after its lease was lost"
                        + " (cancelled, or reaped after a stall); its result is discarded");
            } catch (RuntimeException e) {
                ending.reports.drop();
                ending.failure = e;
            }
            ending.written = true;
        }
    }

    /** Extends the lease; a failure is only logged, since recording the result decides whether the run is still ours. */
    void renew(AtomicReference<PluginRun> held) {
        try {
            PluginRun current = ends.stillOurs(held.get());
            held.set(transactions.inTransaction(() -> AttemptEnds.lostOnConflict(current, () -> runs.update(
                    current.renewLease(settings.instanceId(), clock.now().plus(settings.lease()), clock.now())))));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "lease renewal of run " + held.get().id() + " failed: " + e.getMessage());
        }
    }
}
