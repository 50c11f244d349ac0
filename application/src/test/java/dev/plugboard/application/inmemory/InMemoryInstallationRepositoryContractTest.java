package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.InstallationRepositoryContract;
import dev.plugboard.application.port.out.contract.Storage;

/** Runs the InstallationRepository contract against the in-memory adapters. */
class InMemoryInstallationRepositoryContractTest extends InstallationRepositoryContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
