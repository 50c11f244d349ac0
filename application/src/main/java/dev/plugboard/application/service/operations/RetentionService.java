package dev.plugboard.application.service.operations;

import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.application.port.in.operations.PruneUseCase;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.operations.JobLocks;
import dev.plugboard.application.port.out.operations.RetentionStore;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.retention.RetentionKind;
import dev.plugboard.domain.retention.RetentionPolicy;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Retention: removes what is older than its window in batches of {@link #BATCH} rows, each batch
 * its own short transaction under a lock that one instance holds at a time, so no table stays
 * locked for long and two instances never prune side by side. What went is recorded in the audit
 * trail as counts per kind.
 */
public final class RetentionService implements PruneUseCase {

    /** The lock name every instance shares. */
    public static final String JOB = "plugboard-retention";
    /** Rows per statement: small enough that each transaction is short. */
    public static final int BATCH = 1_000;

    private final RetentionStore store;
    private final JobLocks locks;
    private final TransactionBoundary transactions;
    private final AuditLog audit;
    private final TimeSource clock;
    private final IdSource ids;
    private final RetentionPolicy policy;

    public RetentionService(RetentionStore store, JobLocks locks, TransactionBoundary transactions, AuditLog audit,
                            TimeSource clock, IdSource ids, RetentionPolicy policy) {
        this.store = store;
        this.locks = locks;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.policy = policy;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    @Override
    public PruneReport prune(Actor actor, boolean dryRun, ProgressListener progress) {
        Instant now = clock.now();
        Map<RetentionKind, Long> counts = new EnumMap<>(RetentionKind.class);
        Map<RetentionKind, Instant> cutoffs = new EnumMap<>(RetentionKind.class);
        boolean skipped = false;
        for (RetentionKind kind : RetentionKind.values()) {
            Instant cutoff = policy.cutoff(kind, now);
            cutoffs.put(kind, cutoff);
            if (dryRun) {
                counts.put(kind, transactions.inTransaction(() -> store.count(kind, cutoff)));
                continue;
            }
            Removed removed = removeAll(kind, cutoff, progress);
            counts.put(kind, removed.count());
            if (removed.lockBusy()) {
                skipped = true;
                break;
            }
        }
        PruneReport report = new PruneReport(dryRun, counts, cutoffs, skipped);
        if (!dryRun && report.total() > 0) {
            transactions.inTransaction(() -> audit.append(entry(actor, report, now)));
        }
        return report;
    }

    /** How many went, and whether another instance held the lock (it is pruning; this one leaves it to that one). */
    private record Removed(long count, boolean lockBusy) {
    }

    private Removed removeAll(RetentionKind kind, Instant cutoff, ProgressListener progress) {
        long total = 0;
        while (true) {
            Optional<RetentionStore.Batch> batch = transactions.inTransaction(() -> locks.tryLock(JOB)
                    ? Optional.of(store.delete(kind, cutoff, BATCH)) : Optional.<RetentionStore.Batch>empty());
            if (batch.isEmpty()) {
                return new Removed(total, true);
            }
            total += batch.get().removed();
            if (batch.get().removed() > 0) {
                progress.progress(PruneUseCase.task(kind), total, ProgressListener.UNKNOWN);
            }
            if (batch.get().rows() < BATCH) {
                return new Removed(total, false);
            }
        }
    }

    private AuditEntry entry(Actor actor, PruneReport report, Instant now) {
        Map<String, Object> removed = new LinkedHashMap<>();
        report.counts().forEach((kind, count) -> removed.put(kind.wireName(), count));
        return new AuditEntry(ids.newId(), now, actor, AuditAction.RETENTION_PRUNED, "retention",
                AuditEntry.Outcome.SUCCESS, Optional.empty(), Optional.of(JsonDocument.of(Map.of("removed", removed))),
                "removed " + report.total() + " record(s) older than their retention window");
    }
}
