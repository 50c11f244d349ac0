package dev.plugboard.bootstrap.cli;

import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard export} and {@code plugboard apply} with real processes on two PostgreSQL
 * databases: a state with a secret and a staging override is exported from one (the secret as a
 * reference only), applied to an empty one with the secret taken from the process's environment,
 * exported again identically, and applied twice without a change; a bad file changes nothing.
 */
class StateExportApplyProcessTest {

    private static final String SECRET = "S3CRET-source-value-41";
    private static final String MANIFEST = """
            name: mailer
            version: 1.0.0
            execution: {mode: external}
            settingsSchema:
              type: object
              required: [endpoint]
              properties:
                endpoint: {type: string, pattern: "^https://"}
                apiKey: {type: string, writeOnly: true}
                retries: {type: integer, default: 2}
            """;
    private static final String PLACEHOLDER = "SECRET_USER_ALICE_MAILER_APIKEY";

    @TempDir
    static Path source;
    @TempDir
    static Path target;
    private static EmbeddedDatabase sourceDatabase;
    private static EmbeddedDatabase targetDatabase;

    @BeforeAll
    static void startBothDatabasesWithTheCatalog() throws Exception {
        sourceDatabase = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(source.resolve("data")));
        targetDatabase = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(target.resolve("data")));
        for (Path folder : new Path[] {source, target}) {
            Files.createDirectories(folder.resolve("plugins/mailer"));
            Files.writeString(folder.resolve("plugins/mailer/plugin.yaml"), MANIFEST);
            succeeds(plugboard(folder, Map.of()), "plugins", "sync");
        }
    }

    @AfterAll
    static void stopTheDatabases() {
        sourceDatabase.close();
        targetDatabase.close();
    }

    private static PlugboardProcess plugboard(Path folder, Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.put("PLUGBOARD_PLUGINS_DIR", folder.resolve("plugins").toString());
        return new PlugboardProcess(folder, all);
    }

    private static Outcome succeeds(PlugboardProcess process, String... args) throws IOException, InterruptedException {
        Outcome outcome = process.run(args);
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        return outcome;
    }

    @Test
    void givenAnExportedState_applyOnAnEmptyDatabase_exportsIdentically_andAppliesTwiceWithoutAChange() throws Exception {
        PlugboardProcess origin = plugboard(source, Map.of());
        Files.writeString(source.resolve("alice.json"), "{\"endpoint\": \"https://mail.example\", \"apiKey\": \"" + SECRET + "\"}");
        succeeds(origin, "installs", "add", "mailer", "--user", "alice", "--settings", source.resolve("alice.json").toString());
        succeeds(origin, "plugins", "disable", "mailer", "--force");
        succeeds(origin, "plugins", "enable", "mailer");
        Files.writeString(source.resolve("staging.json"), "{\"endpoint\": \"https://staging.mail.example\"}");
        succeeds(origin, "installs", "configure", "mailer", "--user", "alice", "--environment", "staging",
                "--settings", source.resolve("staging.json").toString());

        Outcome exported = succeeds(origin, "export");

        assertThat(exported.out()).doesNotContain(SECRET)
                .contains("apiKey: \"${env:" + PLACEHOLDER + "}\"", "endpoint: https://staging.mail.example", "owner: user:alice");
        assertThat(exported.err()).contains("placeholder", PLACEHOLDER);
        Path state = target.resolve("state.yaml");
        Files.writeString(state, exported.out());

        Outcome missing = plugboard(target, Map.of()).run("apply", "-f", state.toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("${env:" + PLACEHOLDER + "} resolves to nothing", "nothing changed");

        PlugboardProcess withSecret = plugboard(target, Map.of(PLACEHOLDER, "target-secret-value"));
        Outcome dryRun = succeeds(withSecret, "apply", "-f", state.toString(), "--dry-run");
        assertThat(dryRun.out()).contains("+ install user:alice/mailer", "Dry run, nothing changed");
        Outcome applied = succeeds(withSecret, "apply", "-f", state.toString());
        assertThat(applied.out()).contains("+ install user:alice/mailer", "~ override user:alice/mailer in environment staging");

        Outcome again = succeeds(withSecret, "apply", "-f", state.toString());
        assertThat(again.out()).contains("Nothing to change");
        Outcome reexported = succeeds(withSecret, "export");
        assertThat(reexported.out()).isEqualTo(exported.out());
        assertThat(reexported.err()).as("the reference is known now").doesNotContain("placeholder");
        Outcome otherSecret = succeeds(plugboard(target, Map.of(PLACEHOLDER, "another-value")),
                "apply", "-f", state.toString(), "--dry-run");
        assertThat(otherSecret.out()).as("the stored secret is the environment's value").contains("~ configure user:alice/mailer");
    }

    @Test
    void givenBadSettingsAndABadReference_apply_namesEveryProblemAndChangesNothing() throws Exception {
        Path state = target.resolve("bad.yaml");
        Files.writeString(state, """
                plugboard: state/v1
                installations:
                  - owner: user:bob
                    plugin: mailer
                    settings: {endpoint: "ftp://nope", apiKey: "${file:/no/such/file}"}
                  - owner: user:carol
                    plugin: no-such-plugin
                """);
        PlugboardProcess process = plugboard(target, Map.of());

        Outcome refused = process.run("apply", "-f", state.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("3 problem(s)", "${file:/no/such/file}", "/endpoint", "no-such-plugin");
        assertThat(succeeds(process, "installs", "list", "--user", "bob").out()).doesNotContain("mailer");
    }
}
