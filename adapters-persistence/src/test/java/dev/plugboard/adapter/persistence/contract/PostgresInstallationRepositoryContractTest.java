package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.InstallationRepositoryContract;
import dev.plugboard.application.port.out.contract.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the InstallationRepository contract against PostgreSQL: installations must behave as the in-memory reference does. */
class PostgresInstallationRepositoryContractTest extends InstallationRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Storage newStorage() {
        return DB.freshStorage();
    }
}
