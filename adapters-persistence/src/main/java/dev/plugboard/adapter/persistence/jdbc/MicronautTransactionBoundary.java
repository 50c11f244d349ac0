package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.TransactionBoundary;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * One use case, one database transaction, through Micronaut's transaction manager: the
 * repositories' statements run on its connection, a nested call joins it (propagation REQUIRED),
 * and any exception rolls all of it back.
 */
@Singleton
public final class MicronautTransactionBoundary implements TransactionBoundary {

    private final TransactionOperations<Connection> transactions;

    public MicronautTransactionBoundary(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
