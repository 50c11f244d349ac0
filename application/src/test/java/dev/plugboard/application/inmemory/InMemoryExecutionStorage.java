package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.Storage;

import java.util.List;

/** Fresh in-memory storage with the execution ports, one transaction boundary over all of it. */
final class InMemoryExecutionStorage {

    private InMemoryExecutionStorage() {
    }

    static ExecutionStorage create() {
        InMemoryPluginRepository plugins = new InMemoryPluginRepository();
        InMemoryInstallationRepository installations = new InMemoryInstallationRepository();
        InMemoryRunRepository runs = new InMemoryRunRepository();
        InMemoryOwnerDirectory owners = new InMemoryOwnerDirectory();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        InMemoryCircuitRepository circuits = new InMemoryCircuitRepository();
        InMemoryInstallationStore store = new InMemoryInstallationStore();
        InMemoryEventLog events = new InMemoryEventLog();
        InMemoryTransactionBoundary transactions = new InMemoryTransactionBoundary(
                List.of(plugins, installations, runs, owners, audit, circuits, store, events));
        return new ExecutionStorage(new Storage(plugins, installations, runs, owners, audit, transactions), runs,
                circuits, store, events);
    }
}
