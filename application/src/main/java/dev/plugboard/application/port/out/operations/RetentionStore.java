package dev.plugboard.application.port.out.operations;

import dev.plugboard.domain.retention.RetentionKind;

import java.time.Instant;

/** Finds and removes records of each retention kind older than a cutoff, a small batch at a time. */
public interface RetentionStore {

    /** How many records of {@code kind} are older than {@code cutoff} (for analytics: day entries). */
    long count(RetentionKind kind, Instant cutoff);

    /**
     * Removes at most {@code limit} rows' worth of {@code kind} older than {@code cutoff}.
     *
     * @return the rows touched (fewer than {@code limit} when nothing more is due) and the records removed
     */
    Batch delete(RetentionKind kind, Instant cutoff, int limit);

    /** One batch: rows deleted or updated, and records removed (differs only for analytics day entries). */
    record Batch(int rows, long removed) {
    }
}
