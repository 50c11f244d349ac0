package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.InstallationStoreContract;

/** Runs the InstallationStore contract against the in-memory adapters, the reference semantics. */
class InMemoryInstallationStoreContractTest extends InstallationStoreContract {

    @Override
    protected ExecutionStorage newExecutionStorage() {
        return InMemoryExecutionStorage.create();
    }
}
