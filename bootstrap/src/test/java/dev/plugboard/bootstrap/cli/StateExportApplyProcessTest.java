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
    /** A plugin with a required setting, a secret one and a default: the rotation test uses it too. */
    static final String MANIFEST = """
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
    private static final String HOOK_SECRET = "hook-secret-value-0123456789";
    private static final String HOOK_PLACEHOLDER = "SECRET_USER_ALICE_WORKFLOW_HOOKED";
    private static final String NIGHTLY = """
            name: Nightly mail
            slug: nightly-mail
            triggerType: SCHEDULE
            triggerConfig: {cron: "0 3 * * *"}
            status: ACTIVE
            steps:
              - {order: 1, plugin: mailer, inputMapping: {subject: "nightly {{ trigger.data.scheduledFor }}"}}
            """;
    private static final String HOOKED = """
            name: Hooked
            slug: hooked
            triggerType: WEBHOOK
            triggerConfig: {secret: "%s"}
            status: ACTIVE
            steps:
              - {order: 1, plugin: mailer}
            """.formatted(HOOK_SECRET);

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
        return PlugboardProcess.withPluginsIn(folder, variables);
    }

    private static Outcome succeeds(PlugboardProcess process, String... args) throws IOException, InterruptedException {
        return process.succeeds(args);
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
        Files.writeString(source.resolve("nightly.yaml"), NIGHTLY);
        Files.writeString(source.resolve("hooked.yaml"), HOOKED);
        succeeds(origin, "workflows", "create", "-f", source.resolve("nightly.yaml").toString(), "--user", "alice");
        succeeds(origin, "workflows", "pause", "nightly-mail", "--user", "alice");
        succeeds(origin, "workflows", "create", "-f", source.resolve("hooked.yaml").toString(), "--user", "alice");

        Outcome exported = succeeds(origin, "export");

        assertThat(exported.out()).doesNotContain(SECRET).doesNotContain(HOOK_SECRET)
                .contains("apiKey: \"${env:" + PLACEHOLDER + "}\"", "endpoint: https://staging.mail.example", "owner: user:alice",
                        "slug: nightly-mail", "status: PAUSED", "0 3 * * *", "slug: hooked",
                        "secret: \"${env:" + HOOK_PLACEHOLDER + "}\"");
        assertThat(exported.err()).contains("placeholder", PLACEHOLDER, HOOK_PLACEHOLDER);
        Path state = target.resolve("state.yaml");
        Files.writeString(state, exported.out());

        Outcome missing = plugboard(target, Map.of()).run("apply", "-f", state.toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("${env:" + PLACEHOLDER + "} resolves to nothing",
                "${env:" + HOOK_PLACEHOLDER + "} resolves to nothing", "nothing changed");

        Map<String, String> secrets = Map.of(PLACEHOLDER, "target-secret-value", HOOK_PLACEHOLDER, HOOK_SECRET);
        PlugboardProcess withSecret = plugboard(target, secrets);
        Outcome dryRun = succeeds(withSecret, "apply", "-f", state.toString(), "--dry-run");
        assertThat(dryRun.out()).contains("+ install user:alice/mailer", "+ workflow user:alice/nightly-mail",
                "+ workflow user:alice/hooked", "Dry run, nothing changed");
        Outcome applied = succeeds(withSecret, "apply", "-f", state.toString());
        assertThat(applied.out()).contains("+ install user:alice/mailer", "~ override user:alice/mailer in environment staging",
                "+ workflow user:alice/nightly-mail", "+ workflow user:alice/hooked");
        assertThat(applied.err()).as("plain progress lines: no terminal here").containsPattern("apply state: (\\d+) of \\1");

        Outcome again = succeeds(withSecret, "apply", "-f", state.toString());
        assertThat(again.out()).contains("Nothing to change", "= workflow user:alice/nightly-mail (unchanged)",
                "= workflow user:alice/hooked (unchanged)");
        assertThat(succeeds(withSecret, "workflows", "list", "--user", "alice").out()).contains("nightly-mail", "PAUSED");
        Outcome reexported = succeeds(withSecret, "export");
        assertThat(reexported.out()).isEqualTo(exported.out());
        assertThat(reexported.err()).as("the reference is known now").doesNotContain("placeholder");
        Outcome otherSecret = succeeds(plugboard(target, Map.of(PLACEHOLDER, "another-value", HOOK_PLACEHOLDER,
                "another-hook-secret-value")), "apply", "-f", state.toString(), "--dry-run");
        assertThat(otherSecret.out()).as("the stored secrets are the environment's values")
                .contains("~ configure user:alice/mailer", "~ workflow user:alice/hooked")
                .doesNotContain("~ workflow user:alice/nightly-mail");
    }

    @Test
    void givenAnInvalidWorkflow_apply_namesEveryProblemOfItAndChangesNothing() throws Exception {
        Path state = target.resolve("bad-workflow.yaml");
        Files.writeString(state, """
                plugboard: state/v1
                installations:
                  - owner: user:dave
                    plugin: mailer
                    settings: {endpoint: "https://mail.example"}
                workflows:
                  - owner: user:dave
                    name: Broken
                    slug: broken
                    triggerType: SCHEDULE
                    triggerConfig: {cron: "0 99 * * *"}
                    steps:
                      - {order: 1, plugin: mailer, inputMapping: {subject: "{{ nope( }}"}}
                      - {order: 2, plugin: no-such-plugin}
                """);
        Path inClear = target.resolve("secret-in-clear.yaml");
        Files.writeString(inClear, """
                plugboard: state/v1
                workflows:
                  - {owner: "user:dave", name: Hook, slug: hook, triggerType: WEBHOOK,
                     triggerConfig: {secret: "a-secret-in-clear-0123"}, steps: [{order: 1, plugin: mailer}]}
                """);
        PlugboardProcess process = plugboard(target, Map.of());

        Outcome refused = process.run("apply", "-f", state.toString());
        Outcome clear = process.run("apply", "-f", inClear.toString(), "--dry-run");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("3 problem(s)", "workflows[0] (user:dave/broken)", "/triggerConfig/cron",
                "step 1: /steps/0/inputMapping", "step 2: /steps/1/plugin", "no-such-plugin", "nothing changed");
        assertThat(succeeds(process, "installs", "list", "--user", "dave").out()).as("the install went back too")
                .doesNotContain("mailer");
        assertThat(succeeds(process, "workflows", "list", "--user", "dave").out()).doesNotContain("broken");
        assertThat(clear.exitCode()).as(clear.toString()).isEqualTo(2);
        assertThat(clear.err()).contains("workflows[0] (user:dave/hook) /triggerConfig/secret", "never as its value")
                .doesNotContain("a-secret-in-clear-0123");
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
