package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.SchemaVersion;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrated schema's constraints, proven with raw SQL: the database refuses what the domain forbids. */
class MigrationTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";

    @BeforeEach
    void empty() {
        DB.truncateAll();
        DB.execute("INSERT INTO users (id) VALUES ('alice'), ('bob')");
        DB.execute("INSERT INTO organizations (id) VALUES ('acme')");
        DB.execute(plugin(1, "webhook"));
        DB.execute(plugin(2, "analytics"));
    }

    @Test
    void emptyDatabase_isMigratedToTheCurrentVersionWithEveryTable() {
        assertThat(strings("SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"))
                .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "7:true", "8:true", "9:true", "10:true", "11:true", "13:true", "14:true", "15:true", "16:true");
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name <> 'flyway_schema_history' ORDER BY table_name"))
                .containsExactly("alerts", "audit_entries", "circuits", "console_sessions", "event_log", "installation_store", "installations",
                        "job_watermarks", "organizations", "owner_plugin_metrics_hourly", "plugin_approvals", "plugin_health",
                        "plugin_metrics_hourly", "plugin_run_attempts", "plugin_runs", "plugins", "role_grants", "users",
                        "workflow_deliveries", "workflow_fires", "workflow_runs", "workflows");
    }

    @Test
    void schemaVersion_isTheHighestMigrationShipped_andTheOneAMigratedDatabaseIsAt() throws Exception {
        java.util.List<Integer> shipped;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            shipped = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .toList();
        }
        int highest = shipped.stream().max(Integer::compare).orElseThrow();

        assertThat(SchemaVersion.CURRENT).as("SchemaVersion.CURRENT must name the newest migration").isEqualTo(highest);
        assertThat(SchemaVersion.MIGRATIONS).as("SchemaVersion.MIGRATIONS must count the migrations").isEqualTo(shipped.size());
        assertThat(DB.bean(SchemaVersion.class).applied()).contains(highest);
    }

    @Test
    void givenAMigratedDatabase_isComplete_untilAMigrationBelowTheNewestIsMissingOrOneFailed() throws SQLException {
        try (Connection connection = DB.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                assertThat(SchemaVersion.isComplete(connection)).as("every migration applied").isTrue();

                statement.execute("DELETE FROM flyway_schema_history WHERE version = '13'");
                assertThat(SchemaVersion.isComplete(connection)).as("V13 missing, V16 still the newest").isFalse();
                connection.rollback();

                statement.execute("UPDATE flyway_schema_history SET success = false WHERE version = '16'");
                assertThat(SchemaVersion.isComplete(connection)).as("the newest failed").isFalse();
            } finally {
                connection.rollback();
            }
            assertThat(SchemaVersion.isComplete(connection)).as("rolled back: complete again").isTrue();
        }
    }

    @Test
    void duplicateInstallationOfAnOwner_isRejected() {
        DB.execute(installation("11111111-0000-0000-0000-000000000001", "'alice'", "NULL", 1));
        DB.execute(installation("11111111-0000-0000-0000-000000000002", "NULL", "'acme'", 1));

        assertThatThrownBy(() -> DB.execute(installation("11111111-0000-0000-0000-000000000003", "'alice'", "NULL", 1)))
                .hasMessageContaining("installations_user_plugin_key").satisfies(e -> assertSqlState(e, UNIQUE_VIOLATION));
        assertThatThrownBy(() -> DB.execute(installation("11111111-0000-0000-0000-000000000004", "NULL", "'acme'", 1)))
                .hasMessageContaining("installations_organization_plugin_key")
                .satisfies(e -> assertSqlState(e, UNIQUE_VIOLATION));
        // Another owner, or another plugin, is fine.
        DB.execute(installation("11111111-0000-0000-0000-000000000005", "'bob'", "NULL", 1));
        DB.execute(installation("11111111-0000-0000-0000-000000000006", "'alice'", "NULL", 2));
    }

    @Test
    void installationOrRun_mustHaveExactlyOneOwner() {
        assertThatThrownBy(() -> DB.execute(installation("22222222-0000-0000-0000-000000000001", "NULL", "NULL", 1)))
                .hasMessageContaining("installations_one_owner").satisfies(e -> assertSqlState(e, CHECK_VIOLATION));
        assertThatThrownBy(() -> DB.execute(installation("22222222-0000-0000-0000-000000000002", "'alice'", "'acme'", 1)))
                .hasMessageContaining("installations_one_owner");
        assertThatThrownBy(() -> DB.execute(run("22222222-0000-0000-0000-000000000003", "'alice'", "'acme'", 1, "pending")))
                .hasMessageContaining("plugin_runs_one_owner");
    }

    @Test
    void malformedTraceContext_isRejected_andAWellFormedOneKept() {
        DB.execute(run("33333333-0000-0000-0000-000000000003", "'alice'", "NULL", 1, "pending"));

        DB.execute("UPDATE plugin_runs SET trace_context = '4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7'");
        assertThatThrownBy(() -> DB.execute("UPDATE plugin_runs SET trace_context = '00-4bf92f3577b34da6a3ce929d0e0e4736-01'"))
                .hasMessageContaining("plugin_runs_trace_context_check").satisfies(e -> assertSqlState(e, CHECK_VIOLATION));
        assertThat(strings("SELECT trace_context FROM plugin_runs")).containsExactly("4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7");
    }

    @Test
    void unknownRunStatus_isRejected() {
        DB.execute(run("33333333-0000-0000-0000-000000000001", "'alice'", "NULL", 1, "processing"));

        assertThatThrownBy(() -> DB.execute(run("33333333-0000-0000-0000-000000000002", "'alice'", "NULL", 1, "running")))
                .hasMessageContaining("plugin_runs_status_check").satisfies(e -> assertSqlState(e, CHECK_VIOLATION));
        assertThatThrownBy(() -> DB.execute("UPDATE plugin_runs SET status = 'done'"))
                .hasMessageContaining("plugin_runs_status_check");
    }

    @Test
    void deletingAUser_cascadesToTheirInstallationsRunsAndAttemptsOnly() {
        DB.execute(installation("44444444-0000-0000-0000-000000000001", "'alice'", "NULL", 1));
        DB.execute(installation("44444444-0000-0000-0000-000000000002", "'bob'", "NULL", 1));
        DB.execute(run("44444444-0000-0000-0000-000000000003", "'alice'", "NULL", 1, "processing"));
        DB.execute(run("44444444-0000-0000-0000-000000000004", "'bob'", "NULL", 1, "pending"));
        DB.execute("INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at) "
                + "VALUES ('44444444-0000-0000-0000-000000000003', 1, 'processing', now())");

        DB.execute("DELETE FROM users WHERE id = 'alice'");

        assertThat(strings("SELECT user_id FROM installations")).containsExactly("bob");
        assertThat(strings("SELECT user_id FROM plugin_runs")).containsExactly("bob");
        assertThat(strings("SELECT run_id::text FROM plugin_run_attempts")).isEmpty();
    }

    @Test
    void deletingAPluginThatIsInstalled_isRefused() {
        DB.execute(installation("55555555-0000-0000-0000-000000000001", "NULL", "'acme'", 1));

        assertThatThrownBy(() -> DB.execute("DELETE FROM plugins WHERE name = 'webhook'"))
                .hasMessageContaining("installations_plugin_id_fkey").satisfies(e -> assertSqlState(e, FOREIGN_KEY_VIOLATION));
        assertThat(strings("SELECT name FROM plugins ORDER BY name")).containsExactly("analytics", "webhook");
    }

    @Test
    void deletingAPluginThatIsNotInstalled_takesItsRunsAlong() {
        DB.execute(run("66666666-0000-0000-0000-000000000001", "'alice'", "NULL", 2, "completed"));

        DB.execute("DELETE FROM plugins WHERE name = 'analytics'");

        assertThat(strings("SELECT id::text FROM plugin_runs")).isEmpty();
    }

    @Test
    void duplicateIdempotencyKeyOfAnOwner_isRejected() {
        DB.execute(run("77777777-0000-0000-0000-000000000001", "'alice'", "NULL", 1, "pending", "'key'"));
        DB.execute(run("77777777-0000-0000-0000-000000000002", "'bob'", "NULL", 1, "pending", "'key'"));

        assertThatThrownBy(() -> DB.execute(run("77777777-0000-0000-0000-000000000003", "'alice'", "NULL", 2, "pending", "'key'")))
                .hasMessageContaining("plugin_runs_user_idempotency_key");
    }

    @Test
    void secondRowForOneAttemptOfARun_isRejected() {
        DB.execute(run("88888888-0000-0000-0000-000000000001", "'alice'", "NULL", 1, "processing"));
        String attempt = "INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at) "
                + "VALUES ('88888888-0000-0000-0000-000000000001', 1, 'processing', now())";
        DB.execute(attempt);

        assertThatThrownBy(() -> DB.execute(attempt)).hasMessageContaining("plugin_run_attempts_run_attempt_key");
    }

    @Test
    void run_mustSayWhenItIsAvailable() {
        // No default: whoever inserts a run says when it may first be claimed (the application: its creation).
        assertThatThrownBy(() -> DB.execute(run("99999999-0000-0000-0000-000000000001", "'alice'", "NULL", 1, "pending")
                .replace("now(), now())", "now(), NULL)")))
                .hasMessageContaining("available_at").satisfies(e -> assertSqlState(e, "23502"));
    }

    @Test
    void lease_isBothColumnsOrNeither_andOnlyOnAProcessingRun() {
        DB.execute(run("aaaaaaaa-0000-0000-0000-000000000001", "'alice'", "NULL", 1, "processing"));
        DB.execute("UPDATE plugin_runs SET lease_holder = 'w', lease_expires_at = now() "
                + "WHERE id = 'aaaaaaaa-0000-0000-0000-000000000001'");

        assertThatThrownBy(() -> DB.execute("UPDATE plugin_runs SET lease_expires_at = NULL"))
                .hasMessageContaining("plugin_runs_lease_complete").satisfies(e -> assertSqlState(e, CHECK_VIOLATION));
        assertThatThrownBy(() -> DB.execute("UPDATE plugin_runs SET status = 'completed'"))
                .hasMessageContaining("plugin_runs_lease_only_processing");
        DB.execute("UPDATE plugin_runs SET status = 'completed', lease_holder = NULL, lease_expires_at = NULL");
    }

    @Test
    void circuit_hasOneOwner_aKnownState_andAnOpenOneSaysUntilWhen() {
        String circuit = "INSERT INTO circuits (user_id, organization_id, plugin_id, state, open_until, updated_at) VALUES ";
        DB.execute(circuit + "('alice', NULL, 1, 'half_open', NULL, now())");
        DB.execute(circuit + "(NULL, 'acme', 1, 'open', now(), now())");

        assertThatThrownBy(() -> DB.execute(circuit + "('alice', NULL, 1, 'closed', NULL, now())"))
                .hasMessageContaining("circuits_user_plugin_key").satisfies(e -> assertSqlState(e, UNIQUE_VIOLATION));
        assertThatThrownBy(() -> DB.execute(circuit + "('bob', NULL, 1, 'half-open', NULL, now())"))
                .hasMessageContaining("circuits_state_check");
        assertThatThrownBy(() -> DB.execute(circuit + "('bob', NULL, 1, 'open', NULL, now())"))
                .hasMessageContaining("circuits_open_until");
        assertThatThrownBy(() -> DB.execute(circuit + "('bob', 'acme', 1, 'closed', NULL, now())"))
                .hasMessageContaining("circuits_one_owner");
    }

    @Test
    void eventKey_isUniquePerOwner() {
        String event = "INSERT INTO event_log (user_id, organization_id, idempotency_key, type, seen_at) VALUES ";
        DB.execute(event + "('alice', NULL, 'k', 'message.received', now())");
        DB.execute(event + "('bob', NULL, 'k', 'message.received', now())");
        DB.execute(event + "(NULL, 'acme', 'k', 'message.received', now())");

        assertThatThrownBy(() -> DB.execute(event + "('alice', NULL, 'k', 'message.sent', now())"))
                .hasMessageContaining("event_log_user_key").satisfies(e -> assertSqlState(e, UNIQUE_VIOLATION));
        assertThatThrownBy(() -> DB.execute(event + "(NULL, NULL, 'x', 'message.sent', now())"))
                .hasMessageContaining("event_log_one_owner");
    }

    @Test
    void storeValue_isAnObjectUnderAKeyOfOneTo200Characters() {
        DB.execute(installation("bbbbbbbb-0000-0000-0000-000000000001", "'alice'", "NULL", 1));
        String put = "INSERT INTO installation_store (installation_id, key, value) VALUES ('bbbbbbbb-0000-0000-0000-000000000001', ";
        DB.execute(put + "'stats', '{}')");

        assertThatThrownBy(() -> DB.execute(put + "'list', '[1]')")).satisfies(e -> assertSqlState(e, CHECK_VIOLATION));
        assertThatThrownBy(() -> DB.execute(put + "'', '{}')")).satisfies(e -> assertSqlState(e, CHECK_VIOLATION));
        assertThatThrownBy(() -> DB.execute(put + "'stats', '{}')")).satisfies(e -> assertSqlState(e, UNIQUE_VIOLATION));
    }

    private static String plugin(long id, String name) {
        return "INSERT INTO plugins (id, name, display_name, owner, version, schema_version, category, settings_schema, "
                + "source, execution, registered_at, updated_at) VALUES (" + id + ", '" + name + "', '" + name
                + "', 'plugboard', '1.0.0', 'v1', 'general', '{\"type\": \"object\"}', 'builtin', '{}', now(), now())";
    }

    private static String installation(String id, String user, String organization, long plugin) {
        return "INSERT INTO installations (id, user_id, organization_id, plugin_id, created_at, updated_at) VALUES ('"
                + id + "', " + user + ", " + organization + ", " + plugin + ", now(), now())";
    }

    private static String run(String id, String user, String organization, long plugin, String status) {
        return run(id, user, organization, plugin, status, "NULL");
    }

    private static String run(String id, String user, String organization, long plugin, String status, String key) {
        return "INSERT INTO plugin_runs (id, user_id, organization_id, plugin_id, trigger, status, idempotency_key, "
                + "created_at, available_at) VALUES ('" + id + "', " + user + ", " + organization + ", " + plugin
                + ", 'manual', '" + status + "', " + key + ", now(), now())";
    }

    private static List<String> strings(String query) {
        try (Connection connection = DB.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    private static void assertSqlState(Throwable thrown, String state) {
        assertThat(thrown.getCause()).isInstanceOfSatisfying(SQLException.class,
                sql -> assertThat(sql.getSQLState()).isEqualTo(state));
    }
}
