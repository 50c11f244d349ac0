package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.support.TwoInstances;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard db prune} in a real process on the embedded PostgreSQL: {@code --dry-run}
 * counts what is past its window and changes nothing; without it the same records go, the
 * unfinished runs stay, and the audit trail records the counts.
 */
class DbPruneProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void dryRunCountsAndChangesNothing_thenPruneRemovesExactlyThat() throws Exception {
        Path data = folder.resolve("data");
        PlugboardProcess cli = new PlugboardProcess(folder, Map.of());
        try (LaunchConfiguration launch = TwoInstances.launch(data);
             ApplicationContext context = ApplicationContext.builder().properties(launch.properties()).start()) {
            // The context's start synced the builtin plugins into the catalog: the runs below are theirs.
            context.getBean(dev.plugboard.application.Plugboard.class);
            EmbeddedDatabase database = launch.embeddedDatabase().orElseThrow();
            try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
                seed(db);
                long before = count(db, "SELECT count(*) FROM plugin_runs") + count(db, "SELECT count(*) FROM audit_entries")
                        + count(db, "SELECT count(*) FROM event_log");

                PlugboardProcess.Outcome dryRun = cli.run("db", "prune", "--dry-run", "--json");
                assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
                JsonNode would = JSON.readTree(dryRun.out());
                assertThat(would.path("dryRun").asBoolean()).isTrue();
                assertThat(would.path("wouldRemove").path("runs").asLong()).isEqualTo(2);
                assertThat(would.path("wouldRemove").path("audit").asLong()).isEqualTo(1);
                assertThat(would.path("wouldRemove").path("event-keys").asLong()).isEqualTo(1);
                long after = count(db, "SELECT count(*) FROM plugin_runs") + count(db, "SELECT count(*) FROM audit_entries")
                        + count(db, "SELECT count(*) FROM event_log");
                assertThat(after).as("a dry run changes nothing").isEqualTo(before);

                PlugboardProcess.Outcome table = cli.run("db", "prune", "--dry-run");
                assertThat(table.out()).contains("WOULD REMOVE", "runs", "Dry run: nothing was removed");

                PlugboardProcess.Outcome pruned = cli.run("db", "prune");
                assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
                assertThat(pruned.out()).contains("REMOVED", "Removed 4 record(s)");
                assertThat(pruned.err()).as("progress lines").contains("prune runs: 2 so far");
                assertThat(count(db, "SELECT count(*) FROM plugin_runs")).as("the pending and the recent run").isEqualTo(2);
                assertThat(count(db, "SELECT count(*) FROM plugin_runs WHERE status = 'pending'")).isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM event_log")).isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM audit_entries WHERE action = 'retention_pruned'"
                        + " AND after -> 'removed' ->> 'runs' = '2' AND actor_type = 'operator'")).isEqualTo(1);
            }
        }
    }

    private static void seed(Connection db) throws SQLException {
        Instant now = Instant.now();
        String old = "'" + now.minus(Duration.ofDays(45)) + "'";
        String recent = "'" + now.minus(Duration.ofDays(2)) + "'";
        try (Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO users (id) VALUES ('alice') ON CONFLICT DO NOTHING");
            for (String[] run : new String[][] {{"completed", old}, {"failed", old}, {"completed", recent}}) {
                sql.execute("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, error_code, error_message,"
                        + " created_at, started_at, completed_at, available_at) SELECT gen_random_uuid(), 'alice', id,"
                        + " 'manual', '" + run[0] + "', " + ("failed".equals(run[0]) ? "'TIMEOUT', 'slow'" : "NULL, NULL")
                        + ", " + run[1] + ", " + run[1] + ", " + run[1] + ", " + run[1] + " FROM plugins LIMIT 1");
            }
            sql.execute("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, created_at, available_at)"
                    + " SELECT gen_random_uuid(), 'alice', id, 'manual', 'pending', '" + now.minus(Duration.ofDays(400))
                    + "', now() FROM plugins LIMIT 1");
            sql.execute("INSERT INTO event_log (user_id, idempotency_key, type, seen_at) VALUES ('alice', 'k1', 'x', " + old
                    + "), ('alice', 'k2', 'x', " + recent + ")");
            sql.execute("INSERT INTO audit_entries (id, at, actor_type, actor_id, action, target, outcome) VALUES"
                    + " (gen_random_uuid(), '" + now.minus(Duration.ofDays(800)) + "', 'user', 'alice', 'install',"
                    + " 'plugin:analytics', 'success')");
        }
    }

    private static long count(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
