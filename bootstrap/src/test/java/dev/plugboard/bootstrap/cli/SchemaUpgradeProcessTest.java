package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked upgrade of docs/catalog.md with real {@code plugboard} processes on one PostgreSQL:
 * greeter 1.1.0 makes {@code name} required. Without a settings migration the dry run counts the
 * installations it breaks, the sync marks them {@code needs_attention}, their runs are refused with
 * {@code SETTINGS_INVALID} and a valid {@code installs configure} fixes one; with a
 * {@code settingsMigrations} default nothing breaks.
 */
class SchemaUpgradeProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = """
            name: greeter
            version: 1.0.0
            displayName: Greeter
            execution: {mode: external}
            settingsSchema:
              type: object
              properties:
                name: {type: string}
            """;
    private static final String V2 = V1.replace("1.0.0", "1.1.0").replace("  properties:", "  required: [name]\n  properties:");

    /** The processes' folder: they join the database the test started in its {@code data} folder. */
    @TempDir
    static Path folder;
    private static EmbeddedDatabase database;
    private PlugboardProcess plugboard;

    @BeforeAll
    static void startTheDatabase() {
        database = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder.resolve("data")));
    }

    @AfterAll
    static void stopTheDatabase() {
        database.close();
    }

    @BeforeEach
    void freshSchemaAndGreeterInstalledThreeTimes() throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
        plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PLUGINS_DIR",
                Files.createDirectories(folder.resolve("plugins")).toString()));
        writeManifest(V1);
        succeeds("plugins", "sync");
        install("alice", "{\"name\": \"Alice\"}");
        install("bob", "{}");
        install("carol", "{}");
    }

    @Test
    void givenAnUpgradeAddingARequiredField_theDryRunCountsTwoBroken_theSyncMarksThem_runsFail_andAPutFixesOne()
            throws Exception {
        writeManifest(V2);

        Outcome dryRun = plugboard.run("plugins", "sync", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("2 of 3 installation(s) would no longer validate", "user:bob", "user:carol");
        assertThat(show("bob").path("needsAttention").asBoolean()).as("a dry run marks nothing").isFalse();

        succeeds("plugins", "sync");

        JsonNode bob = show("bob");
        assertThat(bob.path("needsAttention").asBoolean()).isTrue();
        assertThat(bob.path("violations").get(0).path("pointer").asText()).isEqualTo("/name");
        assertThat(bob.path("violations").get(0).path("keyword").asText()).isEqualTo("required");
        assertThat(show("alice").path("needsAttention").asBoolean()).isFalse();
        assertThat(plugboard.run("installs", "list", "--user", "carol").out()).contains("needs_attention");
        assertThat(plugboard.run("installs", "show", "greeter", "--user", "carol").out())
                .contains("needs_attention: /name: ");

        Outcome refused = plugboard.run("runs", "start", "greeter", "--user", "bob");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.err()).contains("SETTINGS_INVALID", "/name");

        Files.writeString(folder.resolve("bob.json"), "{\"name\": \"Bob\"}");
        succeeds("installs", "configure", "greeter", "--user", "bob", "--settings", folder.resolve("bob.json").toString());

        assertThat(show("bob").path("needsAttention").asBoolean()).isFalse();
        assertThat(show("bob").path("violations")).isEmpty();
        assertThat(show("carol").path("needsAttention").asBoolean()).isTrue();
        succeeds("runs", "start", "greeter", "--user", "bob");
    }

    @Test
    void givenTheSameUpgradeWithASettingsMigrationDefault_nothingBreaks_andTheDefaultIsStored() throws Exception {
        writeManifest(V2 + """
                settingsMigrations:
                  - default: {field: name, value: friend}
                """);

        Outcome dryRun = plugboard.run("plugins", "sync", "--dry-run");
        assertThat(dryRun.out()).as(dryRun.toString()).contains("0 of 3 installation(s) would no longer validate");
        succeeds("plugins", "sync");

        for (String user : new String[] {"alice", "bob", "carol"}) {
            assertThat(show(user).path("needsAttention").asBoolean()).as(user).isFalse();
        }
        assertThat(show("bob").path("settings").path("name").asText()).isEqualTo("friend");
        assertThat(show("alice").path("settings").path("name").asText()).isEqualTo("Alice");
        assertThat(plugboard.run("audit", "list").out()).contains("settings migrated by greeter 1.1.0");
        succeeds("runs", "start", "greeter", "--user", "carol");
    }

    private void writeManifest(String yaml) throws IOException {
        Files.createDirectories(folder.resolve("plugins/greeter"));
        Files.writeString(folder.resolve("plugins/greeter/plugin.yaml"), yaml);
    }

    private void install(String user, String settings) throws Exception {
        Path file = folder.resolve(user + ".json");
        Files.writeString(file, settings);
        succeeds("installs", "add", "greeter", "--user", user, "--settings", file.toString());
    }

    private JsonNode show(String user) throws Exception {
        Outcome shown = succeeds("installs", "show", "greeter", "--user", user, "--json");
        return JSON.readTree(shown.out());
    }

    private Outcome succeeds(String... args) throws Exception {
        Outcome outcome = plugboard.run(args);
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        return outcome;
    }
}
