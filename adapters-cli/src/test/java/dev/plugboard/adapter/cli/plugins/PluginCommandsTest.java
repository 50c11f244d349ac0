package dev.plugboard.adapter.cli.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.plugin.Plugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PluginCommandsTest {

    private TestPlugboard plugboard;

    @BeforeEach
    void freshCatalog() {
        plugboard = Cli.reset();
    }

    @Test
    void givenCatalog_list_printsAlignedTableOfEveryPlugin() {
        CliResult result = Cli.run("plugins", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("NAME").contains("VERSION", "STATUS", "CATEGORY", "SOURCE", "DISPLAY NAME");
        assertThat(lines).hasSize(6);
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("analytics\\s+1\\.0\\.0\\s+enabled\\s+analytics\\s+builtin\\s+Analytics"));
        int versionColumn = lines.get(0).indexOf("VERSION");
        assertThat(lines).allSatisfy(line -> assertThat(line.charAt(versionColumn - 1)).isEqualTo(' '));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.substring(versionColumn)).matches("^\\d.*"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void givenCatalog_listJson_givesOneObjectPerPluginWithStableFields() {
        CliResult result = Cli.run("plugins", "list", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode plugins = result.json();
        assertThat(plugins.isArray()).isTrue();
        assertThat(plugins).hasSize(5);
        JsonNode analytics = find(plugins, "analytics");
        assertThat(fieldNames(analytics)).containsExactly("name", "displayName", "version", "enabled", "category", "tags",
                "capabilities", "description", "source", "enabledAt", "disabledAt", "registeredAt", "updatedAt");
        assertThat(analytics.get("enabled").asBoolean()).isTrue();
        assertThat(analytics.get("disabledAt").isNull()).isTrue();
        assertThat(analytics.get("tags").get(0).asText()).isEqualTo("statistics");
    }

    @Test
    void givenFilters_list_showsOnlyMatchingPlugins() {
        assertThat(names(Cli.run("plugins", "list", "--category", "automation", "--json"))).containsExactly("webhook");
        assertThat(names(Cli.run("plugins", "list", "--tag", "http", "--tag", "integration", "--json"))).containsExactly("webhook");
        assertThat(names(Cli.run("plugins", "list", "--tag", "http", "--tag", "chat", "--json"))).isEmpty();
        Cli.run("plugins", "disable", "chat");
        assertThat(names(Cli.run("plugins", "list", "--disabled", "--json"))).containsExactly("chat");
        assertThat(names(Cli.run("plugins", "list", "--enabled", "--json"))).doesNotContain("chat").hasSize(4);
        assertThat(names(Cli.run("plugins", "list", "--limit", "2", "--json"))).hasSize(2);
    }

    @Test
    void givenCapabilityAndSearch_list_showsOnlyMatchingPlugins_asTheRestFiltersDo() {
        assertThat(names(Cli.run("plugins", "list", "--capability", "event:message.sent", "--json"))).containsExactly("analytics");
        assertThat(names(Cli.run("plugins", "list", "--capability", "event:message.received", "--json")))
                .containsExactlyInAnyOrder("analytics", "webhook", "chat");
        assertThat(names(Cli.run("plugins", "list", "--search", "NOTIFICATIONS", "--json"))).containsExactly("chat");
        assertThat(names(Cli.run("plugins", "list", "--search", "track", "--json"))).as("a tag matches").containsExactly("analytics");
        assertThat(names(Cli.run("plugins", "list", "--search", "chat", "--capability", "event:message.sent", "--json")))
                .as("every filter must hold").isEmpty();
        assertThat(names(Cli.run("plugins", "list", "--search", "   ", "--json"))).as("blank text filters nothing").hasSize(5);
    }

    @Test
    void givenNothingMatches_list_saysSo() {
        CliResult result = Cli.run("plugins", "list", "--category", "nothing-here");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("No plugins match." + System.lineSeparator());
    }

    @Test
    void givenEnabledAndDisabled_list_isAUsageError() {
        CliResult result = Cli.run("plugins", "list", "--enabled", "--disabled");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: --enabled and --disabled exclude each other")
                .contains("Usage: plugboard plugins list", "Try 'plugboard plugins list --help' for more information.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenZeroLimit_list_isAUsageError() {
        CliResult result = Cli.run("plugins", "list", "--limit", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--limit", "must be 1 or more");
    }

    @Test
    void givenPlugin_show_printsItsDetailsAndSchema() {
        CliResult result = Cli.run("plugins", "show", "webhook");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Name:", "webhook", "Display name:  Outgoing webhook", "Version:       1.0.0",
                "Status:        enabled", "Category:      automation", "Tags:          http, integration",
                "Settings schema:", "\"writeOnly\" : true");
    }

    @Test
    void givenPlugin_showJson_includesTheManifest() {
        JsonNode webhook = Cli.run("plugins", "show", "webhook", "--json").json();

        assertThat(webhook.get("name").asText()).isEqualTo("webhook");
        assertThat(webhook.get("manifest").get("settingsSchema").get("required").get(0).asText()).isEqualTo("url");
        assertThat(webhook.get("manifest").get("execution").get("mode").asText()).isEqualTo("in-process");
    }

    @Test
    void givenUnknownPlugin_show_exitsNotFound() {
        CliResult result = Cli.run("plugins", "show", "nope");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("plugboard: error: ").contains("nope"));
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenMalformedName_show_isInvalidInput() {
        CliResult result = Cli.run("plugins", "show", "Not A Slug");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: invalid plugin name 'Not A Slug'");
    }

    @Test
    void givenEnabledPlugin_disable_persistsTheSwitchAndAuditsTheOperator() {
        CliResult result = Cli.run("plugins", "disable", "chat");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Plugin chat 1.0.0 is disabled." + System.lineSeparator());
        assertThat(plugboard.plugboard().catalog().get("chat").isEnabled()).isFalse();
        assertThat(find(Cli.run("plugins", "list", "--json").json(), "chat").get("enabled").asBoolean()).isFalse();
        assertThat(plugboard.plugboard().audit().list(AuditFilter.ALL, PageRequest.first())
                .items().get(0).actor().toString()).isEqualTo("operator:" + System.getProperty("user.name"));
    }

    @Test
    void givenDisabledPlugin_enable_switchesItBackOn() {
        Cli.run("plugins", "disable", "chat");

        CliResult result = Cli.run("plugins", "enable", "chat");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Plugin chat 1.0.0 is enabled.");
        assertThat(plugboard.plugboard().catalog().get("chat").isEnabled()).isTrue();
    }

    @Test
    void givenEnabledDependents_disable_isAConflictUnlessForced() {
        CliResult refused = Cli.run("plugins", "disable", "analytics");

        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err()).startsWith("plugboard: error: plugin analytics cannot be disabled").contains("reports", "force");
        assertThat(plugboard.plugboard().catalog().get("analytics").isEnabled()).isTrue();

        CliResult forced = Cli.run("plugins", "disable", "analytics", "--force");

        assertThat(forced.exitCode()).isZero();
        assertThat(plugboard.plugboard().catalog().get("analytics").isEnabled()).isFalse();
    }

    @Test
    void givenUnknownPlugin_enable_exitsNotFound() {
        assertThat(Cli.run("plugins", "enable", "nope").exitCode()).isEqualTo(3);
        assertThat(Cli.run("plugins", "disable", "nope").exitCode()).isEqualTo(3);
    }

    @Test
    void givenNoChanges_sync_reportsEveryPluginUnchanged() {
        CliResult result = Cli.run("plugins", "sync");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Catalog synced: 0 added, 0 updated, 5 unchanged, 0 rejected.");
    }

    @Test
    void givenDirectoryWithNewAndBrokenManifests_sync_addsTheGoodAndExitsOneNamingTheBad(@TempDir Path dir) throws IOException {
        writeManifest(dir.resolve("greeter"), "{\"name\": \"greeter\", \"version\": \"2.0.0\", \"category\": \"text\"}");
        writeManifest(dir.resolve("broken"), "{\"name\": \"broken\", \"version\": \"not-semver\"}");

        CliResult result = Cli.run("plugins", "sync", "--dir", dir.toString(), "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode report = result.json();
        assertThat(report.get("added").get(0).asText()).isEqualTo("greeter");
        assertThat(report.get("rejected")).hasSize(1);
        assertThat(result.err()).as("progress on stderr, stdout stays JSON").startsWith("sync plugins: 1 of 1" + System.lineSeparator())
                .contains("plugboard: error: rejected ").contains("broken", "version");
        assertThat(plugboard.plugboard().catalog().get("greeter").version().toString()).isEqualTo("2.0.0");
    }

    @Test
    void givenALowerVersionInTheFolder_syncDryRun_showsTheRefusedDowngrade_andAllowDowngradeAppliesIt(@TempDir Path dir)
            throws IOException {
        writeManifest(dir.resolve("greeter"), "{\"name\": \"greeter\", \"version\": \"2.0.0\"}");
        assertThat(Cli.run("plugins", "sync", "--dir", dir.toString()).exitCode()).isZero();
        writeManifest(dir.resolve("greeter"), "{\"name\": \"greeter\", \"version\": \"1.0.0\"}");

        CliResult plan = Cli.run("plugins", "sync", "--dir", dir.toString(), "--dry-run");
        CliResult refused = Cli.run("plugins", "sync", "--dir", dir.toString(), "--json");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).startsWith("Sync plan, dry run, nothing changed: would be 0 added, 0 updated")
                .containsPattern("(?m)^  refused\\s+greeter\\s+2\\.0\\.0 -> 1\\.0\\.0 \\(directory\\)$");
        assertThat(plan.err()).contains("greeter", "is lower than the catalog's 2.0.0", "--allow-downgrade");
        JsonNode line = null;
        for (JsonNode planned : refused.json().get("plan")) {
            line = planned.get("plugin").asText().equals("greeter") ? planned : line;
        }
        assertThat(line).as(refused.out()).isNotNull();
        assertThat(line.get("action").asText()).isEqualTo("downgraded");
        assertThat(line.get("refusal").asText()).contains("--allow-downgrade");
        assertThat(plugboard.plugboard().catalog().get("greeter").version()).hasToString("2.0.0");

        CliResult allowed = Cli.run("plugins", "sync", "--dir", dir.toString(), "--allow-downgrade");

        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).containsPattern("(?m)^  downgraded\\s+greeter\\s+2\\.0\\.0 -> 1\\.0\\.0 \\(directory\\)$");
        assertThat(plugboard.plugboard().catalog().get("greeter").version()).hasToString("1.0.0");
    }

    @Test
    void givenARegisteredPluginNobodyInstalled_purge_needsYes_thenRemovesIt_andABuiltinIsRefused(@TempDir Path dir)
            throws IOException {
        Path file = writeManifest(dir, "{\"name\": \"greeter\", \"version\": \"1.0.0\"}");
        assertThat(Cli.run("plugins", "register", file.toString()).exitCode()).isZero();

        CliResult unconfirmed = Cli.run("plugins", "purge", "greeter");
        CliResult purged = Cli.run("plugins", "purge", "greeter", "--yes");
        CliResult builtin = Cli.run("plugins", "purge", "analytics", "--yes");

        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("nothing was removed", "--yes");
        assertThat(purged.exitCode()).as(purged.toString()).isZero();
        assertThat(purged.out()).contains("Purged plugin greeter 1.0.0 and its run history.");
        assertThat(names(Cli.run("plugins", "list", "--json"))).doesNotContain("greeter");
        assertThat(builtin.exitCode()).isEqualTo(5);
        assertThat(builtin.err()).contains("cannot be purged: it is a builtin plugin");
    }

    @Test
    void givenAnUpgradeAddingARequiredField_impact_namesTheBrokenInstallation_andChangesNothing(@TempDir Path dir)
            throws IOException {
        String schema = "\"settingsSchema\": {\"type\": \"object\", %s\"properties\": {\"name\": {\"type\": \"string\"}}}";
        writeManifest(dir.resolve("greeter"), "{\"name\": \"greeter\", \"version\": \"1.0.0\", " + schema.formatted("") + "}");
        assertThat(Cli.run("plugins", "sync", "--dir", dir.toString()).exitCode()).isZero();
        assertThat(Cli.run("installs", "add", "greeter", "--user", "alice").exitCode()).isZero();
        writeManifest(dir.resolve("greeter"), "{\"name\": \"greeter\", \"version\": \"1.1.0\", "
                + schema.formatted("\"required\": [\"name\"], ") + "}");

        CliResult impact = Cli.run("plugins", "impact", "greeter", "--dir", dir.toString());
        CliResult unknown = Cli.run("plugins", "impact", "nothing-here", "--dir", dir.toString());

        assertThat(impact.exitCode()).as(impact.toString()).isEqualTo(1);
        assertThat(impact.out()).contains("upgraded", "1.0.0 -> 1.1.0", "settings schema changed",
                "1 of 1 installation(s) would no longer validate", "user:alice: /name: required property 'name' not found");
        assertThat(plugboard.plugboard().catalog().get("greeter").version()).hasToString("1.0.0");
        assertThat(unknown.exitCode()).isEqualTo(3);
    }

    @Test
    void givenManifestFile_register_addsThePluginAndThenUpdatesIt(@TempDir Path dir) throws IOException {
        Path file = writeManifest(dir, "{\"name\": \"greeter\", \"version\": \"1.0.0\", \"displayName\": \"Greeter\"}");

        CliResult created = Cli.run("plugins", "register", file.toString());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Registered plugin greeter 1.0.0 (enabled).");
        Files.writeString(file, "{\"name\": \"greeter\", \"version\": \"1.1.0\"}");
        assertThat(Cli.run("plugins", "register", file.toString()).out()).contains("Updated plugin greeter 1.1.0");
        List<Plugin> all = plugboard.plugboard().catalog().list(CatalogFilter.ALL, PageRequest.first()).items();
        assertThat(all).extracting(p -> p.name().value()).contains("greeter");
    }

    @Test
    void givenManifestWithAnOrigin_show_printsInstalledFromAndSourceUrl(@TempDir Path dir) throws IOException {
        Path file = writeManifest(dir, "{\"name\": \"greeter\", \"version\": \"1.0.0\", \"installedFrom\": \"DOCKER_REGISTRY\", "
                + "\"sourceUrl\": \"https://registry.example/acme/greeter\"}");
        assertThat(Cli.run("plugins", "register", file.toString()).exitCode()).isZero();

        CliResult text = Cli.run("plugins", "show", "greeter");
        JsonNode json = Cli.run("plugins", "show", "greeter", "--json").json();

        assertThat(text.out()).contains("Origin:", "DOCKER_REGISTRY https://registry.example/acme/greeter");
        assertThat(json.get("installedFrom").asText()).isEqualTo("DOCKER_REGISTRY");
        assertThat(json.get("sourceUrl").asText()).isEqualTo("https://registry.example/acme/greeter");
    }

    @Test
    void givenInvalidManifest_register_isInvalidInput(@TempDir Path dir) throws IOException {
        Path file = writeManifest(dir, "{\"name\": \"greeter\", \"version\": \"1.0.0\", \"colour\": \"blue\"}");

        CliResult result = Cli.run("plugins", "register", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: ").contains("colour", "is not a manifest field", "known fields are");
    }

    @Test
    void givenMissingName_show_isAUsageError() {
        CliResult result = Cli.run("plugins", "show");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Missing required parameter: 'NAME'")
                .contains("Usage: plugboard plugins show");
    }

    private static Path writeManifest(Path folder, String json) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("plugin.json"), json);
    }

    private static JsonNode find(JsonNode plugins, String name) {
        for (JsonNode plugin : plugins) {
            if (plugin.get("name").asText().equals(name)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + name + " in " + plugins);
    }

    private static List<String> names(CliResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> names = new ArrayList<>();
        result.json().forEach(plugin -> names.add(plugin.get("name").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
