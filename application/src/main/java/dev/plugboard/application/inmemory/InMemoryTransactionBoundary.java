package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.TransactionBoundary;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions over in-memory stores: one at a time (serializable by construction), and on any
 * exception every participating store is put back as it was when the transaction began. A
 * transaction started inside another is a savepoint: its failure undoes its own changes only.
 */
public final class InMemoryTransactionBoundary implements TransactionBoundary {

    private final List<Snapshotting> stores;
    private final ReentrantLock lock = new ReentrantLock();

    public InMemoryTransactionBoundary(List<? extends Snapshotting> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            // A nested transaction is a savepoint: on failure only its own changes are undone, and the
            // outer transaction may catch the failure and go on (as PostgreSQL's adapter does).
            List<Object> snapshots = stores.stream().map(Snapshotting::snapshot).toList();
            try {
                return work.get();
            } catch (RuntimeException | Error failure) {
                for (int i = 0; i < stores.size(); i++) {
                    stores.get(i).restore(snapshots.get(i));
                }
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }
}
