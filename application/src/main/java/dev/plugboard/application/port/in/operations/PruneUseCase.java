package dev.plugboard.application.port.in.operations;

import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.retention.RetentionKind;

import java.time.Instant;
import java.util.Map;

/** Removes records older than their retention window, or with {@code dryRun} only counts them. */
public interface PruneUseCase {

    /** @param progress told after each batch: task {@code prune <kind>}, how many of it went so far (total unknown) */
    PruneReport prune(Actor actor, boolean dryRun, ProgressListener progress);

    /** The task name {@code progress} hears for {@code kind}. */
    static String task(RetentionKind kind) {
        return "prune " + kind.wireName();
    }

    /**
     * What went (or with {@code dryRun} would go), per kind.
     *
     * @param cutoffs  the instant before which each kind was due
     * @param skipped  true when another instance held the retention lock, so this one stopped early
     */
    record PruneReport(boolean dryRun, Map<RetentionKind, Long> counts, Map<RetentionKind, Instant> cutoffs,
                       boolean skipped) {
        public PruneReport {
            counts = Map.copyOf(counts);
            cutoffs = Map.copyOf(cutoffs);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
