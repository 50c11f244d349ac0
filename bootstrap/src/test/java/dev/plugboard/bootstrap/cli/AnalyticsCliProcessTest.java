package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plugboard analytics stats} as a real process on the embedded PostgreSQL: the shape, 404 and bad days. */
class AnalyticsCliProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void givenInstalledAnalytics_stats_showsZeroFilledDays_andRefusesBadInput() throws Exception {
        PlugboardProcess plugboard = new PlugboardProcess(folder, Map.of());
        Files.createDirectories(folder.resolve("plugins"));
        Outcome synced = plugboard.run("plugins", "sync");
        assertThat(synced.exitCode()).as("migrates and syncs; other commands do neither: " + synced).isZero();
        Outcome missing = plugboard.run("analytics", "stats", "--user", "alice");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.err()).contains("plugin 'analytics' is not installed").contains("install it first");
        assertThat(plugboard.run("installs", "add", "analytics", "--user", "alice").exitCode()).isZero();

        Outcome stats = plugboard.run("analytics", "stats", "--user", "alice", "--days", "3", "--json");
        Outcome table = plugboard.run("analytics", "stats", "--user", "alice");
        Outcome bad = plugboard.run("analytics", "stats", "--user", "alice", "--days", "91");

        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        JsonNode json = JSON.readTree(stats.out());
        assertThat(json.path("totalMessages").asLong()).isZero();
        assertThat(json.path("series")).hasSize(3);
        assertThat(json.path("series").get(2).path("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(json.path("series").get(0).path("messages").asLong()).isZero();
        assertThat(table.out()).contains("Total messages:").contains("Unique users:").contains("DATE");
        assertThat(table.out().lines().filter(line -> line.matches("\\d{4}-\\d{2}-\\d{2}\\s+0\\s+0\\s*"))).hasSize(7);
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("days").contains("91").contains("1 to 90");
    }
}
