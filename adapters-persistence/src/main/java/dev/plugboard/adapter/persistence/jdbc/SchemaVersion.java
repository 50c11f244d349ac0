package dev.plugboard.adapter.persistence.jdbc;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The schema version this Plugboard's migrations lead to, and the one a database is at, read from
 * Flyway's history table with one query. Commands that use the schema as it is check it before
 * they run; asking Flyway itself would scan the class path for migrations and open a connection
 * of its own, which costs a short command most of its time.
 */
@Singleton
public final class SchemaVersion {

    /** The highest {@code V<n>__*.sql} under {@code db/migration}; {@code MigrationTest} keeps the two equal. */
    public static final int CURRENT = 16;

    private final Sql sql;

    public SchemaVersion(Sql sql) {
        this.sql = sql;
    }

    /** The highest migration applied successfully; empty when the database has no Plugboard schema. */
    public Optional<Integer> applied() {
        boolean hasHistory = sql.one("SELECT to_regclass('flyway_schema_history') IS NOT NULL AS present",
                row -> row.getBoolean("present")).orElse(false);
        if (!hasHistory) {
            return Optional.empty();
        }
        return sql.list("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL",
                        row -> row.getString("version")).stream()
                .map(version -> Integer.parseInt(version.split("\\.")[0]))
                .max(Integer::compare);
    }
}
