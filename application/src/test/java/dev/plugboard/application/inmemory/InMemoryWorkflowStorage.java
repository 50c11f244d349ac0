package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.application.port.out.contract.WorkflowStorage;

import java.util.List;

/** Fresh in-memory storage with the workflow ports and one transaction boundary over all of it. */
final class InMemoryWorkflowStorage {

    private InMemoryWorkflowStorage() {
    }

    static WorkflowStorage create() {
        InMemoryPluginRepository plugins = new InMemoryPluginRepository();
        InMemoryInstallationRepository installations = new InMemoryInstallationRepository();
        InMemoryRunRepository runs = new InMemoryRunRepository();
        InMemoryOwnerDirectory owners = new InMemoryOwnerDirectory();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        InMemoryWorkflowRunRepository workflowRuns = new InMemoryWorkflowRunRepository();
        InMemoryTriggerLedger ledger = new InMemoryTriggerLedger();
        InMemoryWorkflowRepository workflows = new InMemoryWorkflowRepository(workflowRuns, ledger);
        Storage storage = new Storage(plugins, installations, runs, owners, audit, new InMemoryTransactionBoundary(
                List.of(plugins, installations, runs, owners, audit, workflows, workflowRuns, ledger)));
        return new WorkflowStorage(storage, workflows, workflowRuns, ledger);
    }
}
