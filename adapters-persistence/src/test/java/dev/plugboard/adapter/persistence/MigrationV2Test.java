package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.support.TestServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A database with runs written before plugin execution existed is migrated to V2 without losing any run. */
class MigrationV2Test {

    private String database;

    @BeforeEach
    void createDatabase() {
        database = TestServer.get().createDatabase("t_migrationv2_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void dropDatabase() {
        TestServer.get().dropDatabase(database);
    }

    @Test
    void existingRuns_becomeAvailableFromTheirCreation_andOrphanedProcessingRunsGetAnExpiredLease() throws SQLException {
        flyway("1").migrate();
        execute("INSERT INTO users (id) VALUES ('alice')");
        execute("INSERT INTO plugins (id, name, display_name, owner, version, schema_version, category, settings_schema, "
                + "source, execution, registered_at, updated_at) VALUES (1, 'webhook', 'Webhook', 'plugboard', '1.0.0', "
                + "'v1', 'general', '{\"type\": \"object\"}', 'builtin', '{}', now(), now())");
        for (String[] run : new String[][] {
                {"00000000-0000-0000-0000-000000000001", "pending", "2025-12-01 10:00:00+00"},
                {"00000000-0000-0000-0000-000000000002", "processing", "2025-12-02 10:00:00+00"},
                {"00000000-0000-0000-0000-000000000003", "completed", "2025-12-03 10:00:00+00"}}) {
            execute("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, attempt, created_at) VALUES ('"
                    + run[0] + "', 'alice', 1, 'manual', '" + run[1] + "', 1, '" + run[2] + "')");
        }
        execute("INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at) "
                + "VALUES ('00000000-0000-0000-0000-000000000002', 1, 'processing', now())");

        flyway(null).migrate();

        assertThat(strings("SELECT status || ' ' || (available_at = created_at) || ' ' || coalesce(lease_holder, '-') "
                + "|| ' ' || coalesce((lease_expires_at <= now())::text, '-') FROM plugin_runs ORDER BY id"))
                .containsExactly("pending true - -", "processing true migration-v2 true", "completed true - -");
        assertThat(strings("SELECT attempt || ' ' || coalesce(worker, '-') FROM plugin_run_attempts"))
                .containsExactly("1 -");
        // Later migrations (V4 role grants, ...) apply on top; V1 and V2 must come first, in order.
        assertThat(strings("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
                .startsWith("1", "2");
    }

    private Flyway flyway(String target) {
        TestServer server = TestServer.get();
        var configuration = Flyway.configure()
                .dataSource(server.url(database), server.user(), server.password())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private Connection connect() throws SQLException {
        TestServer server = TestServer.get();
        return DriverManager.getConnection(server.url(database), server.user(), server.password());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> strings(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
