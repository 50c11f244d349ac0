package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.ExecutionStorage;
import dev.plugboard.application.port.out.contract.CircuitRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the CircuitRepository contract against PostgreSQL: it must behave as the in-memory reference does. */
class PostgresCircuitRepositoryContractTest extends CircuitRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ExecutionStorage newExecutionStorage() {
        return DB.freshExecutionStorage();
    }
}
