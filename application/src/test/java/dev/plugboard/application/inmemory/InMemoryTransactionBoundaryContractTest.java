package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.TransactionBoundaryContract;
import dev.plugboard.application.port.out.contract.Storage;

/** Runs the TransactionBoundary contract against the in-memory adapters. */
class InMemoryTransactionBoundaryContractTest extends TransactionBoundaryContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
