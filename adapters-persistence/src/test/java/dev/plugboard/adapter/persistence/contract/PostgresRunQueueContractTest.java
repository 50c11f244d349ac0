package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.RunQueueContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the RunQueue contract against PostgreSQL: it must behave as the in-memory reference does. */
class PostgresRunQueueContractTest extends RunQueueContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ExecutionStorage newExecutionStorage() {
        return DB.freshExecutionStorage();
    }
}
