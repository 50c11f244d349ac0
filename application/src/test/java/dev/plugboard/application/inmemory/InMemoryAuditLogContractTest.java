package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.contract.AuditLogContract;
import dev.plugboard.application.port.out.contract.Storage;

/** Runs the AuditLog contract against the in-memory adapters. */
class InMemoryAuditLogContractTest extends AuditLogContract {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
