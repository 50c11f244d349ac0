package dev.plugboard.adapter.cli.installs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import dev.plugboard.domain.owner.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstallCommandsTest {

    private static final String SECRET = "s3cr3t-token-value";
    private static final String GOOD = "{\"url\": \"https://example.test/hook\", \"token\": \"" + SECRET + "\"}";
    private static final String BAD = "{\"url\": \"ftp://nope\", \"retries\": 9, \"colour\": \"red\"}";

    @TempDir
    Path dir;
    private TestPlugboard plugboard;

    @BeforeEach
    void freshState() {
        plugboard = Cli.reset();
    }

    @Test
    void givenSettingsFile_add_installsAndShowsSecretsOnlyAsSet() throws IOException {
        CliResult result = Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Installed webhook for user:alice (active); settings: ")
                .contains("\"token\":\"(set)\"", "\"method\":\"POST\"").doesNotContain(SECRET);
        assertThat(plugboard.plugboard().installations().getInstallation(Owner.user("alice"), "webhook").secretsSet())
                .containsExactly("/token");
    }

    @Test
    void givenSettingsOnStdin_add_readsThem() {
        CliResult result = Cli.runWithInput(GOOD, "installs", "add", "webhook", "--org", "acme", "--settings", "-");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Installed webhook for org:acme");
    }

    @Test
    void givenNoSettings_add_usesDefaultsAndCanInstallSwitchedOff() {
        CliResult result = Cli.run("installs", "add", "analytics", "--user", "alice", "--disabled");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("(disabled)", "{\"trackUsers\":true}");
    }

    @Test
    void givenAlreadyInstalled_add_isAConflict() {
        Cli.run("installs", "add", "analytics", "--user", "alice");

        CliResult result = Cli.run("installs", "add", "analytics", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("plugboard: error: ").contains("analytics", "already installed"));
    }

    @Test
    void givenInvalidSettings_add_printsEveryViolationWithItsPointerAndSavesNothing() throws IOException {
        CliResult result = Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(BAD));

        assertThat(result.exitCode()).isEqualTo(4);
        List<String> lines = result.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("plugboard: error: settings for plugin 'webhook' break its schema (3 violations)");
        assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("plugboard: error: "));
        assertThat(lines.subList(1, 4)).anySatisfy(line -> assertThat(line).startsWith("plugboard: error: /colour: "))
                .anySatisfy(line -> assertThat(line).startsWith("plugboard: error: /retries: ").endsWith("(maximum)"))
                .anySatisfy(line -> assertThat(line).startsWith("plugboard: error: /url: ").endsWith("(pattern)"));
        assertThat(result.out()).isEmpty();
        assertThat(plugboard.plugboard().installations().listInstallations(Owner.user("alice"))).isEmpty();
    }

    @Test
    void givenUnknownPlugin_add_isNotFound() {
        CliResult result = Cli.run("installs", "add", "nope", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("plugboard: error: ").contains("nope");
    }

    @Test
    void givenMalformedJson_add_isInvalidInputAndDoesNotEchoTheSecret() throws IOException {
        CliResult result = Cli.run("installs", "add", "webhook", "--user", "alice", "--settings",
                file("{\"token\": \"" + SECRET + "\", \"url\": }"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: invalid settings '").contains("is not valid JSON at line 1")
                .doesNotContain(SECRET);
    }

    @Test
    void givenMissingSettingsFile_add_isInvalidInput() {
        CliResult result = Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", "no-such-file.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("plugboard: error: invalid settings file 'no-such-file.json': does not exist;"
                + " give a JSON file, or - for standard input" + System.lineSeparator());
    }

    @Test
    void givenNoOwner_add_isAUsageErrorNamingBothChoices() {
        CliResult result = Cli.run("installs", "add", "analytics");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("(--user=USER | --org=ORG)", "Try 'plugboard installs add --help'");
    }

    @Test
    void givenBothOwners_list_isAUsageError() {
        CliResult result = Cli.run("installs", "list", "--user", "alice", "--org", "acme");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: --user=USER, --org=ORG are mutually exclusive");
    }

    @Test
    void givenInvalidOwnerId_list_isInvalidInput() {
        CliResult result = Cli.run("installs", "list", "--user", "al ice");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: invalid user id 'al ice'");
    }

    @Test
    void givenInstallations_list_printsATableOfTheOwnersOnly() throws IOException {
        Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));
        Cli.run("installs", "add", "analytics", "--user", "alice");
        Cli.run("installs", "add", "analytics", "--user", "bob");

        CliResult result = Cli.run("installs", "list", "--user", "alice");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("PLUGIN").contains("ENABLED", "PLUGIN STATUS", "RUNS", "LAST RUN", "SETTINGS");
        assertThat(lines.get(1)).startsWith("analytics");
        assertThat(lines.get(2)).startsWith("webhook").contains("\"token\":\"(set)\"").doesNotContain(SECRET);
    }

    @Test
    void givenInstallations_listJson_givesStableFieldsAndRedactedSecrets() throws IOException {
        Cli.run("installs", "add", "webhook", "--org", "acme", "--settings", file(GOOD));

        CliResult result = Cli.run("installs", "list", "--org", "acme", "--json");

        assertThat(result.out()).doesNotContain(SECRET);
        JsonNode webhook = result.json().get(0);
        List<String> fields = new ArrayList<>();
        webhook.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "owner", "plugin", "enabled", "pluginEnabled", "active", "settings",
                "secretsSet", "executionCount", "lastExecutedAt", "lastError", "version", "createdAt", "updatedAt",
                "needsAttention", "violations", "installedBy", "installedAt", "installedVersion", "pluginVersion", "environment", "overrides");
        assertThat(webhook.get("needsAttention").asBoolean()).isFalse();
        assertThat(webhook.get("violations")).isEmpty();
        assertThat(webhook.get("owner").asText()).isEqualTo("org:acme");
        assertThat(webhook.get("settings").get("token").asText()).isEqualTo("(set)");
        assertThat(webhook.get("secretsSet").get(0).asText()).isEqualTo("/token");
    }

    @Test
    void givenNoInstallations_list_saysSo() {
        CliResult result = Cli.run("installs", "list", "--user", "nobody");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("user:nobody has no installations.");
        assertThat(Cli.run("installs", "list", "--user", "nobody", "--json").json()).isEmpty();
    }

    @Test
    void givenInstallation_show_printsItTextAndJson() throws IOException {
        Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));

        CliResult text = Cli.run("installs", "show", "webhook", "--user", "alice");
        CliResult json = Cli.run("installs", "show", "webhook", "--user", "alice", "--json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Plugin:", "webhook", "Owner:", "user:alice", "\"token\":\"(set)\"").doesNotContain(SECRET);
        assertThat(json.json().get("plugin").asText()).isEqualTo("webhook");
        assertThat(Cli.run("installs", "show", "webhook", "--user", "bob").exitCode()).isEqualTo(3);
    }

    @Test
    void givenInstallation_configure_replacesSettingsAndKeepsTheSecret() throws IOException {
        Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));

        CliResult result = Cli.runWithInput("{\"url\": \"https://example.test/other\", \"retries\": 2}",
                "installs", "configure", "webhook", "--user", "alice", "--settings", "-");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Configured webhook for user:alice").contains("\"retries\":2", "\"token\":\"(set)\"");
    }

    @Test
    void givenEnvironment_configure_setsThatOverrideOnlyAndShowMergesItOverTheBase() throws IOException {
        Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));

        CliResult result = Cli.runWithInput("{\"url\": \"https://staging.test/hook\", \"token\": \"staging-" + SECRET + "\"}",
                "installs", "configure", "webhook", "--user", "alice", "--environment", "staging", "--settings", "-");
        CliResult staging = Cli.run("installs", "show", "webhook", "--user", "alice", "--environment", "staging", "--json");
        CliResult base = Cli.run("installs", "show", "webhook", "--user", "alice", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Configured webhook for user:alice in environment staging")
                .contains("\"url\":\"https://staging.test/hook\"");
        assertThat(staging.json().get("settings").get("url").asText()).isEqualTo("https://staging.test/hook");
        assertThat(staging.json().get("overrides").get("staging").get("token").asText()).isEqualTo("(set)");
        assertThat(base.json().get("settings").get("url").asText()).isEqualTo("https://example.test/hook");
        assertThat(base.json().get("installedVersion").asText()).isEqualTo(base.json().get("pluginVersion").asText());
        assertThat(base.json().get("installedBy").asText()).isNotBlank();
        assertThat(result.out() + staging.out() + base.out()).doesNotContain(SECRET);
    }

    @Test
    void givenOverrideBreakingTheWhole_configure_isRefusedWithItsPointerAndABadEnvironmentNameIsAUsageError()
            throws IOException {
        Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));

        CliResult broken = Cli.runWithInput("{\"url\": \"ftp://nope\"}",
                "installs", "configure", "webhook", "--user", "alice", "--environment", "staging", "--settings", "-");
        CliResult badName = Cli.runWithInput("{}",
                "installs", "configure", "webhook", "--user", "alice", "--environment", "Staging Env", "--settings", "-");

        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(4);
        assertThat(broken.err()).contains("/url: ");
        assertThat(badName.exitCode()).as(badName.toString()).isEqualTo(2);
        assertThat(badName.err()).contains("Staging Env", "environment");
        assertThat(plugboard.plugboard().installations().getInstallation(Owner.user("alice"), "webhook",
                new dev.plugboard.domain.installation.Environment("staging")).overrides()).isEmpty();
    }

    @Test
    void givenInvalidSettings_configure_printsEveryViolation() throws IOException {
        Cli.run("installs", "add", "webhook", "--user", "alice", "--settings", file(GOOD));

        CliResult result = Cli.run("installs", "configure", "webhook", "--user", "alice", "--settings", file(BAD));

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("/colour: ", "/retries: ", "/url: ");
    }

    @Test
    void givenNoSettingsOption_configure_isAUsageError() {
        CliResult result = Cli.run("installs", "configure", "webhook", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Missing required option: '--settings=FILE|-'");
    }

    @Test
    void givenNotInstalled_configureAndRemove_areNotFound() throws IOException {
        assertThat(Cli.run("installs", "configure", "webhook", "--user", "alice", "--settings", file(GOOD)).exitCode()).isEqualTo(3);
        assertThat(Cli.run("installs", "remove", "webhook", "--user", "alice").exitCode()).isEqualTo(3);
    }

    @Test
    void givenInstallation_remove_uninstallsIt() {
        Cli.run("installs", "add", "analytics", "--user", "alice");

        CliResult result = Cli.run("installs", "remove", "analytics", "--user", "alice");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Removed analytics for user:alice." + System.lineSeparator());
        assertThat(plugboard.plugboard().installations().listInstallations(Owner.user("alice"))).isEmpty();
    }

    @Test
    void givenInstallation_disableAndEnable_switchTheOwnersSwitch() {
        Cli.run("installs", "add", "analytics", "--user", "alice");

        CliResult disabled = Cli.run("installs", "disable", "analytics", "--user", "alice");
        assertThat(disabled.exitCode()).isZero();
        assertThat(disabled.out()).startsWith("Disabled analytics for user:alice (disabled)");

        CliResult enabled = Cli.run("installs", "enable", "analytics", "--user", "alice");
        assertThat(enabled.out()).startsWith("Enabled analytics for user:alice (active)");
    }

    @Test
    void givenValidSettings_validate_exitsZeroAndSavesNothing() throws IOException {
        CliResult result = Cli.run("installs", "validate", "webhook", "--settings", file(GOOD));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Settings are valid for webhook").contains("\"token\":\"(set)\"").doesNotContain(SECRET);
        assertThat(plugboard.plugboard().installations().listInstallations(Owner.user("alice"))).isEmpty();
    }

    @Test
    void givenInvalidSettings_validate_exitsFourWithEveryPointer() throws IOException {
        CliResult result = Cli.run("installs", "validate", "webhook", "--settings", file(BAD));

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().lines()).hasSize(4);
        assertThat(result.err()).contains("plugboard: error: /colour: ", "plugboard: error: /retries: ", "plugboard: error: /url: ");
    }

    @Test
    void givenInvalidSettings_validateJson_reportsViolationsOnStdout() {
        CliResult result = Cli.runWithInput(BAD, "installs", "validate", "webhook", "--settings", "-", "--json");

        assertThat(result.exitCode()).isEqualTo(4);
        JsonNode report = result.json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("violations")).hasSize(3);
        assertThat(report.get("violations").get(0).get("pointer").asText()).isEqualTo("/colour");
        assertThat(report.get("summary").asText()).startsWith("settings validation failed: ");
    }

    private String file(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "settings", ".json"), json).toString();
    }
}
