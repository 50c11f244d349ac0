package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.operations.JobLocks;
import jakarta.inject.Singleton;

/**
 * Job locks as PostgreSQL transaction-scoped advisory locks ({@code pg_try_advisory_xact_lock}):
 * shared by every instance on the database, released by the commit or rollback itself, so a
 * crashed instance never leaves one behind.
 */
@Singleton
public final class JdbcJobLocks implements JobLocks {

    private final Sql sql;

    public JdbcJobLocks(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean tryLock(String job) {
        return sql.one("SELECT pg_try_advisory_xact_lock(hashtext(?)) AS locked", row -> row.getBoolean("locked"),
                "plugboard-job:" + job).orElse(false);
    }
}
