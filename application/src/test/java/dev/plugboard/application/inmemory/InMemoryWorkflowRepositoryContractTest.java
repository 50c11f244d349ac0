package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.WorkflowRepositoryContract;
import dev.plugboard.application.port.out.contract.WorkflowStorage;

/** Runs the WorkflowRepository contract against the in-memory adapters. */
class InMemoryWorkflowRepositoryContractTest extends WorkflowRepositoryContract {

    @Override
    protected WorkflowStorage newWorkflowStorage() {
        return InMemoryWorkflowStorage.create();
    }
}
