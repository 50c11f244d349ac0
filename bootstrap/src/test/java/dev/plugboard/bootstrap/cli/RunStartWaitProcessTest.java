package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard runs start --wait} as an operator uses it: a real server process executes the
 * run, a real CLI process queues it from a file, waits, and prints the final state with its attempts.
 */
class RunStartWaitProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void givenRunningServer_runsStartWait_printsTheCompletedRunWithTheAttemptTheServerMade() throws Exception {
        Path data = folder.resolve("data");
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Map<String, String> shared = Map.of("PLUGBOARD_DATA_DIR", data.toString(), "PLUGBOARD_PLUGINS_DIR", plugins.toString(),
                "PLUGBOARD_PORT", "0");
        PlugboardProcess server = new PlugboardProcess(Files.createDirectories(folder.resolve("server")), shared);
        PlugboardProcess cli = new PlugboardProcess(Files.createDirectories(folder.resolve("cli")), shared);
        Process serving = server.start("serve");
        try {
            server.awaitErrorLine(serving, "Executing runs as");
            PlugboardProcess.Outcome installed = cli.run("installs", "add", "analytics", "--user", "alice");
            assertThat(installed.exitCode()).as(installed.toString()).isZero();
            Files.writeString(folder.resolve("cli").resolve("input.json"), "{\"action\": \"stats\"}");

            PlugboardProcess.Outcome waited = cli.run("runs", "start", "analytics", "--input", "@input.json",
                    "--user", "alice", "--wait", "--json");

            assertThat(waited.exitCode()).as(waited.toString()).isZero();
            JsonNode run = JSON.readTree(waited.out());
            assertThat(run.path("status").asText()).isEqualTo("completed");
            assertThat(run.path("input").path("action").asText()).isEqualTo("stats");
            assertThat(run.path("attempts")).hasSize(1);
            JsonNode attempt = run.path("attempts").get(0);
            assertThat(attempt.path("number").asInt()).isEqualTo(1);
            assertThat(attempt.path("outcome").asText()).isEqualTo("completed");
            assertThat(attempt.path("executor").asText()).as("the server instance, host:pid").contains(":");
            assertThat(attempt.path("endedAt").asText()).endsWith("Z");

            PlugboardProcess.Outcome shown = cli.run("runs", "show", run.path("id").asText(), "--user", "alice");
            assertThat(shown.exitCode()).as(shown.toString()).isZero();
            assertThat(shown.out()).contains("Attempts:", "completed", attempt.path("executor").asText());
        } finally {
            serving.destroy();
            if (!serving.waitFor(30, TimeUnit.SECONDS)) {
                serving.destroyForcibly();
            }
        }
    }
}
