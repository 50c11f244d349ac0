package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What keeps an in-memory copy of a table true on every instance: each write notifies the table's
 * channel in the writer's transaction (other instances hear of it when, and only if, it commits), a
 * transaction that changed the table reads it from the database until it ends, and no copy is kept
 * while any such transaction is open, so that nothing uncommitted or superseded is cached. A copy
 * carries the {@link #generation()} it was loaded in, and counts only while that is still current.
 */
final class CacheInvalidation {

    private final ThreadLocal<Boolean> wrote = ThreadLocal.withInitial(() -> false);
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final String channel;
    private final Runnable dropCopies;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writing = new AtomicInteger();

    /**
     * @param channel    the channel each write notifies
     * @param dropCopies what {@link #invalidate()} does besides moving to the next generation
     */
    CacheInvalidation(Sql sql, TransactionOperations<Connection> transactions, String channel, Runnable dropCopies) {
        this.sql = sql;
        this.transactions = transactions;
        this.channel = channel;
        this.dropCopies = dropCopies;
    }

    /** The current generation: a copy loaded in an earlier one is stale. */
    long generation() {
        return generation.get();
    }

    /** Whether a copy may be read or kept now: no change by this thread's transaction, nor by any open one. */
    boolean copiesAllowed() {
        return !wrote.get() && writing.get() == 0;
    }

    /** Drops every copy; the next read loads again. */
    void invalidate() {
        generation.incrementAndGet();
        dropCopies.run();
    }

    /** Marks this transaction (and the instance, until it ends) as changing the table; call before the write. */
    void changing() {
        invalidate();
        if (wrote.get()) {
            return;
        }
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            return;
        }
        try {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completion) {
                    wrote.remove();
                    writing.decrementAndGet();
                    invalidate();
                }
            });
        } catch (RuntimeException unsupported) {
            // No end to wait for: the notification, heard by this instance too, drops the copies after the commit.
            return;
        }
        wrote.set(true);
        writing.incrementAndGet();
    }

    /** Tells every instance of the change; call after the write. */
    void changed() {
        // In the writer's transaction: other instances hear of it when (and only if) it commits.
        sql.list("SELECT pg_notify(?, '')", row -> 1, channel);
        if (transactions.findTransactionStatus().isEmpty()) {
            invalidate();
        }
    }
}
