package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard plugins health} and {@code plugboard alerts} as real processes on the embedded
 * database: before any server judged them, every plugin is {@code unknown} and there are no alerts;
 * bad alert ids are refused with the value named.
 */
class HealthCliProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void givenAFreshDatabase_pluginsHealth_listsEveryPluginUnknown_andAlertCommandsAnswerClearly() throws Exception {
        PlugboardProcess plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString()));

        Outcome synced = plugboard.run("plugins", "sync");
        assertThat(synced.exitCode()).as("migrates and syncs; other commands do neither: " + synced).isZero();
        Outcome health = plugboard.run("plugins", "health", "--json");

        assertThat(health.exitCode()).as(health.toString()).isZero();
        JsonNode verdicts = JSON.readTree(health.out());
        assertThat(verdicts.isArray()).isTrue();
        JsonNode analytics = null;
        for (JsonNode verdict : verdicts) {
            assertThat(verdict.path("state").asText()).isEqualTo("unknown");
            if (verdict.path("plugin").asText().equals("analytics")) {
                analytics = verdict;
            }
        }
        assertThat(analytics).as(health.out()).isNotNull();
        assertThat(analytics.path("score").asInt()).isEqualTo(100);
        assertThat(analytics.path("lastHealthCheck").asText()).endsWith("Z");

        Outcome table = plugboard.run("plugins", "health");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("PLUGIN", "STATE", "SCORE", "analytics", "unknown");

        Outcome none = plugboard.run("alerts", "list", "--status", "open");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.out()).contains("No alerts open.");

        Outcome badStatus = plugboard.run("alerts", "list", "--status", "closed");
        assertThat(badStatus.exitCode()).as(badStatus.toString()).isNotZero();
        assertThat(badStatus.err()).contains("closed").doesNotContain("\tat ");

        Outcome badId = plugboard.run("alerts", "ack", "not-an-id");
        assertThat(badId.exitCode()).as(badId.toString()).isNotZero();
        assertThat(badId.err()).contains("not-an-id").doesNotContain("\tat ");

        Outcome unknown = plugboard.run("alerts", "resolve", "00000000-0000-4000-8000-000000000000");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.err()).contains("00000000-0000-4000-8000-000000000000");
    }
}
