package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.ConsoleSessionStore;
import dev.plugboard.application.port.out.contract.ConsoleSessionStoreContract;

/** Runs the ConsoleSessionStore contract against the in-memory adapter. */
class InMemoryConsoleSessionStoreContractTest extends ConsoleSessionStoreContract {

    @Override
    protected ConsoleSessionStore newStore() {
        return new InMemoryConsoleSessionStore();
    }
}
