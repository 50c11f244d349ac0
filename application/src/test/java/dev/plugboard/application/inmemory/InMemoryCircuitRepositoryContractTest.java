package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.CircuitRepositoryContract;

/** Runs the CircuitRepository contract against the in-memory adapters, the reference semantics. */
class InMemoryCircuitRepositoryContractTest extends CircuitRepositoryContract {

    @Override
    protected ExecutionStorage newExecutionStorage() {
        return InMemoryExecutionStorage.create();
    }
}
