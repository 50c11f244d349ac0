package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard secrets rotate} with real processes on PostgreSQL re-encrypts the secrets of
 * per-environment overrides as well as base secrets: after the rotation the old key is retired from
 * the keyset, and the staging override's secret still opens (an apply comparing it in clear finds it
 * unchanged); no secret is stored in clear.
 */
class OverrideSecretRotationProcessTest {

    private static final String BASE_SECRET = "BASE-secret-value-7731";
    private static final String STAGING_SECRET = "STAGING-secret-value-9152";

    @TempDir
    static Path folder;
    private static EmbeddedDatabase database;

    @BeforeAll
    static void startTheDatabaseWithTheCatalog() throws Exception {
        database = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder.resolve("data")));
        Files.createDirectories(folder.resolve("plugins/mailer"));
        Files.writeString(folder.resolve("plugins/mailer/plugin.yaml"), StateExportApplyProcessTest.MANIFEST);
        succeeds(plugboard(Map.of()), "plugins", "sync");
    }

    @AfterAll
    static void stopTheDatabase() {
        database.close();
    }

    private static PlugboardProcess plugboard(Map<String, String> variables) {
        return PlugboardProcess.withPluginsIn(folder, variables);
    }

    private static Outcome succeeds(PlugboardProcess process, String... args) throws IOException, InterruptedException {
        return process.succeeds(args);
    }

    @Test
    void givenAStagingOverrideSecret_rotateThenRetireTheOldKey_theOverrideSecretStillResolves() throws Exception {
        PlugboardProcess process = plugboard(Map.of());
        Files.writeString(folder.resolve("base.json"), "{\"endpoint\": \"https://mail.example\", \"apiKey\": \"" + BASE_SECRET + "\"}");
        Files.writeString(folder.resolve("staging.json"), "{\"apiKey\": \"" + STAGING_SECRET + "\"}");
        succeeds(process, "installs", "add", "mailer", "--user", "alice", "--settings", folder.resolve("base.json").toString());
        succeeds(process, "installs", "configure", "mailer", "--user", "alice", "--environment", "staging",
                "--settings", folder.resolve("staging.json").toString());

        Outcome rotated = succeeds(process, "secrets", "rotate");
        retireAllButThePrimaryKey(folder.resolve("data/secrets-keyset.json"));

        assertThat(rotated.out()).contains("2 secrets re-encrypted, 1 of them in environment overrides");
        assertThat(rotated.err()).contains("(1 in environment overrides)");
        Path state = folder.resolve("state.yaml");
        Files.writeString(state, succeeds(process, "export").out());
        Outcome same = succeeds(plugboard(Map.of("SECRET_USER_ALICE_MAILER_APIKEY", BASE_SECRET,
                "SECRET_USER_ALICE_MAILER_STAGING_APIKEY", STAGING_SECRET)), "apply", "-f", state.toString(), "--dry-run");
        assertThat(same.out()).as("both secrets opened with the new key alone, and match").contains("Nothing to change");
        Outcome other = succeeds(plugboard(Map.of("SECRET_USER_ALICE_MAILER_APIKEY", BASE_SECRET,
                "SECRET_USER_ALICE_MAILER_STAGING_APIKEY", "another-staging-value")), "apply", "-f", state.toString(), "--dry-run");
        assertThat(other.out()).contains("~ override user:alice/mailer in environment staging")
                .doesNotContain("~ configure user:alice/mailer");
        assertThat(everyStoredText()).doesNotContain(BASE_SECRET).doesNotContain(STAGING_SECRET);
    }

    /** Leaves only the primary key in the Tink keyset file: what an operator does to retire the old one. */
    private static void retireAllButThePrimaryKey(Path keyset) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode parsed = (ObjectNode) json.readTree(keyset.toFile());
        long primary = parsed.path("primaryKeyId").asLong();
        ArrayNode kept = json.createArrayNode();
        parsed.withArray("key").forEach(key -> {
            if (key.path("keyId").asLong() == primary) {
                kept.add(key);
            }
        });
        assertThat(parsed.withArray("key").size()).as("the rotation added a key").isEqualTo(2);
        parsed.set("key", kept);
        json.writeValue(keyset.toFile(), parsed);
    }

    private static String everyStoredText() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"installations", "audit_entries"}) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        text.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(text).as("the installation is stored").contains("mailer");
        return text.toString();
    }
}
