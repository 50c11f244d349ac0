package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.PluginRepositoryContract;
import dev.plugboard.application.port.out.contract.Storage;

/** Runs the PluginRepository contract against the in-memory adapters. */
class InMemoryPluginRepositoryContractTest extends PluginRepositoryContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
