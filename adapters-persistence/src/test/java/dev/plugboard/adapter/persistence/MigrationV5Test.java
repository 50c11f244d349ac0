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

/** V5 turns execution_count from a count of attempts into a count of ended runs, and counts attempts apart. */
class MigrationV5Test {

    private String database;

    @BeforeEach
    void createDatabase() {
        database = TestServer.get().createDatabase("t_migrationv5_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void dropDatabase() {
        TestServer.get().dropDatabase(database);
    }

    @Test
    void existingInstallations_countRunsThatEndedAsExecutions_andTheirFinishedAttemptsApart() throws SQLException {
        flyway("4").migrate();
        execute("INSERT INTO users (id) VALUES ('alice'), ('bob')");
        execute("INSERT INTO plugins (id, name, display_name, owner, version, schema_version, category, settings_schema, "
                + "source, execution, registered_at, updated_at) VALUES (1, 'webhook', 'Webhook', 'plugboard', '1.0.0', "
                + "'v1', 'general', '{\"type\": \"object\"}', 'builtin', '{}', now(), now())");
        // execution_count counted attempts until now: alice's 7 are 3 runs' 5 attempts and 2 rejections
        execute("INSERT INTO installations (id, user_id, plugin_id, execution_count, created_at, updated_at) VALUES "
                + "('10000000-0000-0000-0000-000000000001', 'alice', 1, 7, now(), now()), "
                + "('10000000-0000-0000-0000-000000000002', 'bob', 1, 4, now(), now())");
        String[][] runs = {
                {"1", "completed", "3"}, {"2", "failed", "2"}, {"3", "pending", "0"}, {"4", "failed", "0"}, {"5", "processing", "1"}};
        for (String[] run : runs) {
            String id = "00000000-0000-0000-0000-00000000000" + run[0];
            execute("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, attempt, created_at, available_at, "
                    + "lease_holder, lease_expires_at) VALUES ('" + id + "', 'alice', 1, 'manual', '" + run[1] + "', " + run[2]
                    + ", now(), now(), " + (run[1].equals("processing") ? "'x', now() + interval '1 minute'" : "NULL, NULL") + ")");
            for (int attempt = 1; attempt <= Integer.parseInt(run[2]); attempt++) {
                boolean open = run[1].equals("processing");
                execute("INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at, finished_at) VALUES ('" + id
                        + "', " + attempt + ", '" + (open ? "processing" : "failed") + "', now(), " + (open ? "NULL" : "now()") + ")");
            }
        }

        flyway(null).migrate();

        assertThat(strings("SELECT user_id || ' ' || execution_count || ' ' || attempt_count FROM installations ORDER BY user_id"))
                .containsExactly("alice 3 5", "bob 0 0");
        assertThat(strings("SELECT coalesce(cpu_time_ms::text, '-') || ' ' || coalesce(peak_memory_bytes::text, '-') "
                + "FROM plugin_run_attempts LIMIT 1")).containsExactly("- -");
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
