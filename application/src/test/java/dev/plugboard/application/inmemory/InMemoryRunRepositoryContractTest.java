package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.RunRepositoryContract;
import dev.plugboard.application.port.out.contract.Storage;

/** Runs the RunRepository contract against the in-memory adapters. */
class InMemoryRunRepositoryContractTest extends RunRepositoryContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
