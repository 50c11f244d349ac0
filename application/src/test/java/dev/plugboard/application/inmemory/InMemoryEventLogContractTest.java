package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.EventLogContract;

/** Runs the EventLog contract against the in-memory adapters, the reference semantics. */
class InMemoryEventLogContractTest extends EventLogContract {

    @Override
    protected ExecutionStorage newExecutionStorage() {
        return InMemoryExecutionStorage.create();
    }
}
