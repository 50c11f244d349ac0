package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.AuditLogContract;
import dev.plugboard.application.port.out.contract.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the AuditLog contract against PostgreSQL: the audit trail must behave as the in-memory reference does. */
class PostgresAuditLogContractTest extends AuditLogContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Storage newStorage() {
        return DB.freshStorage();
    }
}
