package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.PluginRepositoryContract;
import dev.plugboard.application.port.out.contract.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the PluginRepository contract against PostgreSQL: the catalog must behave as the in-memory reference does. */
class PostgresPluginRepositoryContractTest extends PluginRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Storage newStorage() {
        return DB.freshStorage();
    }
}
