package dev.plugboard.application.port.out;

import java.util.function.Supplier;

/**
 * Runs one use case as one unit of work: everything it wrote commits together, or, if it throws,
 * nothing of it remains. A call inside a running transaction joins it.
 */
public interface TransactionBoundary {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
