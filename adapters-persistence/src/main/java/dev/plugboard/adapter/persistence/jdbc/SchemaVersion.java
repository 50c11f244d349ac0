package dev.plugboard.adapter.persistence.jdbc;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /** How many {@code V<n>__*.sql} there are (V12 was never used); {@code MigrationTest} keeps it true. */
    public static final int MIGRATIONS = 15;

    private final Sql sql;

    public SchemaVersion(Sql sql) {
        this.sql = sql;
    }

    private static final String HAS_HISTORY = "SELECT to_regclass('flyway_schema_history') IS NOT NULL AS present";
    private static final String VERSIONS = "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL";
    private static final String FAILURES = "SELECT count(*) AS failed FROM flyway_schema_history WHERE NOT success";

    /** The highest migration applied successfully; empty when the database has no Plugboard schema. */
    public Optional<Integer> applied() {
        boolean hasHistory = sql.one(HAS_HISTORY, row -> row.getBoolean("present")).orElse(false);
        if (!hasHistory) {
            return Optional.empty();
        }
        return highest(sql.list(VERSIONS, row -> row.getString("version")));
    }

    /**
     * The same, on a connection of the caller's, before any application context (and its pool) exists:
     * the server's launch asks it to start without Flyway when nothing is left to migrate.
     */
    public static Optional<Integer> applied(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet present = statement.executeQuery(HAS_HISTORY)) {
                if (!present.next() || !present.getBoolean("present")) {
                    return Optional.empty();
                }
            }
            List<String> versions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(VERSIONS)) {
                while (rows.next()) {
                    versions.add(rows.getString("version"));
                }
            }
            return highest(versions);
        }
    }

    /**
     * Whether the database holds exactly this Plugboard's migrations, every one applied successfully:
     * the newest is {@link #CURRENT}, there are {@link #MIGRATIONS} of them (so a migration numbered
     * below the newest and added later is not missed) and none failed. Checksums are not compared;
     * {@code plugboard db migrate} validates them.
     */
    public static boolean isComplete(Connection connection) throws SQLException {
        if (!applied(connection).equals(Optional.of(CURRENT))) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            long distinct;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT count(DISTINCT version) AS applied FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                rows.next();
                distinct = rows.getLong("applied");
            }
            try (ResultSet rows = statement.executeQuery(FAILURES)) {
                rows.next();
                return distinct == MIGRATIONS && rows.getLong("failed") == 0;
            }
        }
    }

    private static Optional<Integer> highest(List<String> versions) {
        return versions.stream().map(version -> Integer.parseInt(version.split("\\.")[0])).max(Integer::compare);
    }
}
