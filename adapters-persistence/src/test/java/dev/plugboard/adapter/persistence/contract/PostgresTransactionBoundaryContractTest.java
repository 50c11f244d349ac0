package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.contract.TransactionBoundaryContract;
import dev.plugboard.application.port.out.contract.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the TransactionBoundary contract against PostgreSQL: transactions must behave as the in-memory reference does. */
class PostgresTransactionBoundaryContractTest extends TransactionBoundaryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Storage newStorage() {
        return DB.freshStorage();
    }
}
