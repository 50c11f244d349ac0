package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.TransactionBoundary;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * One use case, one database transaction, through Micronaut's transaction manager: the
 * repositories' statements run on its connection, and any exception rolls all of it back. A
 * nested call (a use case started by another, such as a plugin run queued by an event or a
 * workflow step) runs in a savepoint of the outer transaction (propagation NESTED): when it is
 * refused, only its own writes are undone, and the outer use case may record the refusal and go
 * on; joining the outer transaction instead would doom all of it to roll back.
 */
@Singleton
public final class MicronautTransactionBoundary implements TransactionBoundary {

    private static final TransactionDefinition NESTED = TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);
    private static final TransactionDefinition REQUIRED = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRED);

    private final TransactionOperations<Connection> transactions;

    public MicronautTransactionBoundary(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(NESTED, status -> work.get());
    }

    /**
     * Joins the caller's transaction when there is one (no savepoint: two statements less), starts
     * one otherwise; for an adapter's own statements whose failure fails the caller's work anyway.
     */
    <T> T joining(Supplier<T> work) {
        return transactions.execute(REQUIRED, status -> work.get());
    }
}
