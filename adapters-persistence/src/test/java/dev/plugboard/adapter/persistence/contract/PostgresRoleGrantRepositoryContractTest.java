package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.jdbc.JdbcRoleGrantRepository;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.application.port.out.contract.RoleGrantRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the RoleGrantRepository contract against PostgreSQL (migration V4): grants behave as in memory. */
class PostgresRoleGrantRepositoryContractTest extends RoleGrantRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected RoleGrantRepository newRepository() {
        DB.truncateAll();
        return DB.bean(JdbcRoleGrantRepository.class);
    }
}
