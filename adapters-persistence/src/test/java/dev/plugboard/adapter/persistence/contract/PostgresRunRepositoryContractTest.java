package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.RunRepositoryContract;
import dev.plugboard.application.port.out.contract.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the RunRepository contract against PostgreSQL: the run ledger must behave as the in-memory reference does. */
class PostgresRunRepositoryContractTest extends RunRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Storage newStorage() {
        return DB.freshStorage();
    }
}
