package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.WorkflowRunRepositoryContract;
import dev.plugboard.application.port.out.contract.WorkflowStorage;

/** Runs the WorkflowRunRepository contract against the in-memory adapters. */
class InMemoryWorkflowRunRepositoryContractTest extends WorkflowRunRepositoryContract {

    @Override
    protected WorkflowStorage newWorkflowStorage() {
        return InMemoryWorkflowStorage.create();
    }
}
