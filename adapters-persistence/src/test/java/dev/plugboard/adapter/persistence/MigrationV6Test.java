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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V6 gives existing plugin runs an empty settings overlay and adds the workflow tables, whose
 * constraints are proven here with raw SQL: the database refuses what the domain forbids.
 */
class MigrationV6Test {

    private static final String WF = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String WORKFLOW = "INSERT INTO workflows (id, user_id, organization_id, slug, definition, status, "
            + "trigger_type, created_at, updated_at) VALUES ";
    private static final String RUN = "INSERT INTO workflow_runs (id, workflow_id, user_id, workflow_version, definition, "
            + "status, created_at, next_check_at) VALUES ";

    private String database;

    @BeforeEach
    void createDatabase() {
        database = TestServer.get().createDatabase("t_migrationv6_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void dropDatabase() {
        TestServer.get().dropDatabase(database);
    }

    @Test
    void existingPluginRuns_getAnEmptySettingsOverlay() throws SQLException {
        flyway("5").migrate();
        execute("INSERT INTO users (id) VALUES ('alice')");
        execute("INSERT INTO plugins (id, name, display_name, owner, version, schema_version, category, settings_schema, "
                + "source, execution, registered_at, updated_at) VALUES (1, 'webhook', 'Webhook', 'plugboard', '1.0.0', "
                + "'v1', 'general', '{\"type\": \"object\"}', 'builtin', '{}', now(), now())");
        execute("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, created_at, available_at) VALUES "
                + "('00000000-0000-0000-0000-000000000001', 'alice', 1, 'manual', 'pending', now(), now())");

        flyway(null).migrate();

        assertThat(strings("SELECT settings_overlay::text FROM plugin_runs")).containsExactly("{}");
        assertThatThrownBy(() -> execute("UPDATE plugin_runs SET settings_overlay = '[]'"))
                .hasMessageContaining("plugin_runs_settings_overlay_object");
    }

    @Test
    void workflowSlug_isUniquePerOwner_andStatusAndTriggerAreKnownValues() throws SQLException {
        migratedWithOwners();
        execute(WORKFLOW + "('" + WF + "', 'alice', NULL, 'triage', '{}', 'ACTIVE', 'SCHEDULE', now(), now())");
        execute(WORKFLOW + "(gen_random_uuid(), 'bob', NULL, 'triage', '{}', 'DRAFT', 'MANUAL', now(), now())");
        execute(WORKFLOW + "(gen_random_uuid(), NULL, 'acme', 'triage', '{}', 'DRAFT', 'MANUAL', now(), now())");

        assertThatThrownBy(() -> execute(WORKFLOW
                + "(gen_random_uuid(), 'alice', NULL, 'triage', '{}', 'DRAFT', 'MANUAL', now(), now())"))
                .hasMessageContaining("workflows_user_slug_key");
        assertThatThrownBy(() -> execute(WORKFLOW
                + "(gen_random_uuid(), NULL, 'acme', 'triage', '{}', 'DRAFT', 'MANUAL', now(), now())"))
                .hasMessageContaining("workflows_organization_slug_key");
        assertThatThrownBy(() -> execute(WORKFLOW
                + "(gen_random_uuid(), 'alice', NULL, 'other', '{}', 'RUNNING', 'MANUAL', now(), now())"))
                .hasMessageContaining("workflows_status_check");
        assertThatThrownBy(() -> execute(WORKFLOW
                + "(gen_random_uuid(), 'alice', NULL, 'other', '{}', 'DRAFT', 'CRON', now(), now())"))
                .hasMessageContaining("workflows_trigger_type_check");
        assertThatThrownBy(() -> execute(WORKFLOW
                + "(gen_random_uuid(), 'alice', 'acme', 'other', '{}', 'DRAFT', 'MANUAL', now(), now())"))
                .hasMessageContaining("workflows_one_owner");
    }

    @Test
    void workflowRun_hasAKnownStatus_andAFinalRunIsNeverDue() throws SQLException {
        migratedWithOwners();
        execute(WORKFLOW + "('" + WF + "', 'alice', NULL, 'triage', '{}', 'ACTIVE', 'SCHEDULE', now(), now())");
        execute(RUN + "(gen_random_uuid(), '" + WF + "', 'alice', 1, '{}', 'queued', now(), now())");
        execute(RUN + "(gen_random_uuid(), '" + WF + "', 'alice', 1, '{}', 'completed', now(), NULL)");

        assertThatThrownBy(() -> execute(RUN + "(gen_random_uuid(), '" + WF + "', 'alice', 1, '{}', 'pending', now(), NULL)"))
                .hasMessageContaining("workflow_runs_status_check");
        assertThatThrownBy(() -> execute(RUN + "(gen_random_uuid(), '" + WF + "', 'alice', 1, '{}', 'failed', now(), now())"))
                .hasMessageContaining("workflow_runs_final_unchecked");
        assertThatThrownBy(() -> execute(RUN + "(gen_random_uuid(), '" + UUID.randomUUID() + "', 'alice', 1, '{}', "
                + "'queued', now(), now())")).hasMessageContaining("workflow_runs_workflow_id_fkey");
    }

    @Test
    void deletingAWorkflow_removesItsRunsFiresAndDeliveries() throws SQLException {
        migratedWithOwners();
        execute(WORKFLOW + "('" + WF + "', 'alice', NULL, 'triage', '{}', 'ACTIVE', 'SCHEDULE', now(), now())");
        execute(RUN + "(gen_random_uuid(), '" + WF + "', 'alice', 1, '{}', 'queued', now(), now())");
        execute("INSERT INTO workflow_fires VALUES ('" + WF + "', '2026-01-01T09:00:00Z', now())");
        execute("INSERT INTO workflow_deliveries VALUES ('" + WF + "', 'sig', now())");
        assertThatThrownBy(() -> execute("INSERT INTO workflow_fires VALUES ('" + WF + "', '2026-01-01T09:00:00Z', now())"))
                .hasMessageContaining("workflow_fires_pkey");

        execute("DELETE FROM workflows");

        assertThat(strings("SELECT (SELECT count(*) FROM workflow_runs) + (SELECT count(*) FROM workflow_fires) "
                + "+ (SELECT count(*) FROM workflow_deliveries)")).containsExactly("0");
    }

    private void migratedWithOwners() throws SQLException {
        flyway(null).migrate();
        execute("INSERT INTO users (id) VALUES ('alice'), ('bob')");
        execute("INSERT INTO organizations (id) VALUES ('acme')");
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
