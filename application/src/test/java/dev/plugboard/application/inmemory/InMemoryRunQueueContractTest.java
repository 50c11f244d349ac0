package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.RunQueueContract;

/** Runs the RunQueue contract against the in-memory adapters, the reference semantics. */
class InMemoryRunQueueContractTest extends RunQueueContract {

    @Override
    protected ExecutionStorage newExecutionStorage() {
        return InMemoryExecutionStorage.create();
    }
}
