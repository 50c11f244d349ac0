package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.TriggerLedgerContract;
import dev.plugboard.application.port.out.contract.WorkflowStorage;

/** Runs the TriggerLedger contract against the in-memory adapters. */
class InMemoryTriggerLedgerContractTest extends TriggerLedgerContract {

    @Override
    protected WorkflowStorage newWorkflowStorage() {
        return InMemoryWorkflowStorage.create();
    }
}
