package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.Storage;

import java.util.List;

/** Fresh in-memory storage with one transaction boundary over all of it. */
final class InMemoryStorage {

    private InMemoryStorage() {
    }

    static Storage create() {
        InMemoryPluginRepository plugins = new InMemoryPluginRepository();
        InMemoryInstallationRepository installations = new InMemoryInstallationRepository();
        InMemoryRunRepository runs = new InMemoryRunRepository();
        InMemoryOwnerDirectory owners = new InMemoryOwnerDirectory();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        return new Storage(plugins, installations, runs, owners, audit,
                new InMemoryTransactionBoundary(List.of(plugins, installations, runs, owners, audit)));
    }
}
