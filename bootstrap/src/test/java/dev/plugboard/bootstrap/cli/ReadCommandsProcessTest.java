package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code serve}, {@code plugins sync} and {@code db migrate} migrate the schema or sync the
 * catalog. Real {@code plugboard} processes against one embedded PostgreSQL that the test holds
 * open, so that PostgreSQL's own statistics can show whether a command wrote a row.
 */
class ReadCommandsProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private EmbeddedDatabase database;
    private PlugboardProcess plugboard;

    @BeforeEach
    void startTheDatabaseTheProcessesJoin() throws Exception {
        database = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder.resolve("data")));
        plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PLUGINS_DIR",
                Files.createDirectories(folder.resolve("plugins")).toString()));
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void givenASyncedCatalogAndANewManifestInTheFolder_readCommands_writeNoRow_andOnlySyncAddsThePlugin() throws Exception {
        Outcome first = plugboard.run("plugins", "sync");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Files.createDirectories(folder.resolve("plugins/greeter"));
        Files.writeString(folder.resolve("plugins/greeter/plugin.yaml"), """
                name: greeter
                version: 1.0.0
                displayName: Greeter
                execution: {mode: external}
                """);
        long before = rowsWritten();

        List<Outcome> reads = new ArrayList<>();
        for (String[] command : new String[][] {{"plugins", "list", "--json"}, {"plugins", "show", "webhook"},
                {"installs", "list", "--user", "alice", "--json"}, {"audit", "list"}, {"runs", "list", "--user", "alice"},
                {"plugins", "health"}, {"db", "info"}}) {
            reads.add(plugboard.run(command));
        }
        long afterReads = rowsWritten();
        Outcome sync = plugboard.run("plugins", "sync");
        long afterSync = rowsWritten();

        assertThat(reads).allSatisfy(read -> assertThat(read.exitCode()).as(read.toString()).isZero());
        assertThat(names(reads.get(0))).contains("webhook", "analytics").doesNotContain("greeter");
        assertThat(afterReads).as("rows inserted, updated or deleted by read commands").isEqualTo(before);
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("1 added");
        assertThat(afterSync).as("the same measure sees the sync's writes").isGreaterThan(afterReads);
        assertThat(names(plugboard.run("plugins", "list", "--json"))).contains("greeter");
    }

    @Test
    void givenNoSchemaOrAnOldOne_aReadCommand_saysToRunDbMigrate_andChangesNothing() throws Exception {
        Outcome none = plugboard.run("plugins", "list");

        assertThat(none.exitCode()).as(none.toString()).isEqualTo(1);
        assertThat(none.errorLines()).as(none.toString()).hasSize(1);
        assertThat(none.err()).startsWith("plugboard: error: the database has no Plugboard schema yet")
                .contains("run `plugboard db migrate`");
        assertThat(tableExists("flyway_schema_history")).as("nothing was migrated").isFalse();

        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration").target("7").load().migrate();
        Outcome old = plugboard.run("installs", "list", "--user", "alice");

        assertThat(old.exitCode()).as(old.toString()).isEqualTo(1);
        assertThat(old.err()).contains("the database schema is at version 7, older than this Plugboard's")
                .contains("run `plugboard db migrate`");
        assertThat(tableExists("alerts")).as("V8 was not applied behind the operator's back").isFalse();
        Outcome info = plugboard.run("db", "info");
        assertThat(info.exitCode()).as("db info works on the old schema: " + info).isZero();

        assertThat(plugboard.run("db", "migrate").exitCode()).isZero();
        Outcome listed = plugboard.run("plugins", "list", "--json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(JSON.readTree(listed.out())).as("db migrate migrates; it does not sync the catalog").isEmpty();
    }

    private static List<String> names(Outcome list) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode plugin : JSON.readTree(list.out())) {
            names.add(plugin.path("name").asText());
        }
        return names;
    }

    /**
     * Rows inserted, updated and deleted in every table, by PostgreSQL's statistics. A backend
     * reports its counts at the latest when it exits, so first wait until the processes'
     * connections are gone.
     */
    private long rowsWritten() throws SQLException, InterruptedException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (count(statement, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'") > 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("connections of ended processes still open after 30 s");
                }
                Thread.sleep(50);
            }
            statement.execute("SELECT pg_stat_clear_snapshot()");
            return count(statement, "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables");
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return count(statement, "SELECT count(*) FROM pg_tables WHERE tablename = '" + table + "'") > 0;
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
