package dev.plugboard.application.service.operations;

import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.operations.JobLocks;
import dev.plugboard.application.port.out.operations.MetricsRollups;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The rollup job: rolls up every completed hour not rolled up yet, one hour per short transaction
 * under a lock, so that of several instances exactly one rolls each hour, and an instance that was
 * down catches up on its next tick. Hours without runs are skipped in one step.
 */
public final class HourlyRollups {

    /** The lock name every instance shares. */
    public static final String JOB = "plugboard-rollups";
    /**
     * An hour is rolled up only this long after it ended: a run that completes just before the
     * hour ends may commit a moment after it.
     */
    public static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration HOUR = Duration.ofHours(1);

    private final MetricsRollups rollups;
    private final JobLocks locks;
    private final TransactionBoundary transactions;
    private final TimeSource clock;

    public HourlyRollups(MetricsRollups rollups, JobLocks locks, TransactionBoundary transactions, TimeSource clock) {
        this.rollups = Objects.requireNonNull(rollups, "rollups");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Rolls up completed hours until none is left or {@code maxHours} were rolled.
     *
     * @return how many hours with runs this call rolled up (0 when another instance holds the lock)
     */
    public int rollUpCompletedHours(int maxHours) {
        int rolled = 0;
        while (rolled < maxHours) {
            Step step = transactions.inTransaction(this::step);
            if (step == Step.DONE) {
                break;
            }
            if (step == Step.ROLLED) {
                rolled++;
            }
        }
        return rolled;
    }

    private enum Step { ROLLED, SKIPPED_EMPTY, DONE }

    private Step step() {
        if (!locks.tryLock(JOB)) {
            return Step.DONE;
        }
        Instant now = clock.now();
        Instant lastComplete = now.minus(SETTLE).truncatedTo(ChronoUnit.HOURS).minus(HOUR);
        Optional<Instant> last = rollups.lastRolledHour();
        Instant from = last.map(hour -> hour.plus(HOUR)).orElse(Instant.EPOCH);
        if (from.isAfter(lastComplete)) {
            return Step.DONE;
        }
        Optional<Instant> nextRunHour = rollups.firstFinishedRunFrom(from).map(at -> at.truncatedTo(ChronoUnit.HOURS));
        if (nextRunHour.isEmpty() || nextRunHour.get().isAfter(lastComplete)) {
            // Nothing finished between here and the last complete hour: all of it is rolled up, empty.
            rollups.markRolledUp(lastComplete, now);
            return Step.DONE;
        }
        rollups.rollUp(nextRunHour.get(), now);
        return Step.ROLLED;
    }
}
