package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.WorkflowRunRepositoryContract;
import dev.plugboard.application.port.out.contract.WorkflowStorage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the WorkflowRunRepository contract against PostgreSQL: it must behave as the in-memory reference does. */
class PostgresWorkflowRunRepositoryContractTest extends WorkflowRunRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected WorkflowStorage newWorkflowStorage() {
        return DB.freshWorkflowStorage();
    }
}
