package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.jdbc.JdbcConsoleSessionStore;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.ConsoleSessionStore;
import dev.plugboard.application.port.out.contract.ConsoleSessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the ConsoleSessionStore contract against PostgreSQL (migration V9): links and sessions behave as in memory. */
class PostgresConsoleSessionStoreContractTest extends ConsoleSessionStoreContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ConsoleSessionStore newStore() {
        DB.truncateAll();
        return DB.bean(JdbcConsoleSessionStore.class);
    }
}
