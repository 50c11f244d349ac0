package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard workflows} as an operator uses it, in real processes on the embedded PostgreSQL:
 * a workflow kept as a YAML file is created, shown, sent back, switched and run; a bad file is
 * refused with nothing stored; and a serving instance executes a run that {@code run --wait} follows.
 */
class WorkflowCliProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("..", "examples", "workflows", "summarize-and-notify.yaml")
            .toAbsolutePath().normalize();
    private static final String SLUG = "summarize-and-notify";

    @TempDir
    Path folder;

    @Test
    void givenTheExampleFile_createShowUpdateActivatePauseAndRun_workOnPostgres() throws Exception {
        Path cliFolder = Files.createDirectories(folder.resolve("cli"));
        PlugboardProcess cli = new PlugboardProcess(cliFolder, Map.of("PLUGBOARD_PLUGINS_DIR", pluginsWithSummarizer().toString()));
        ok(cli.run("plugins", "sync"));
        Files.writeString(cliFolder.resolve("summarizer.json"), "{\"apiKey\": \"sk-test-0123456789\"}");
        Files.writeString(cliFolder.resolve("webhook.json"), "{\"url\": \"https://hooks.example.org/alice\"}");
        ok(cli.run("installs", "add", "summarizer", "--user", "alice", "--settings", "summarizer.json"));
        ok(cli.run("installs", "add", "webhook", "--user", "alice", "--settings", "webhook.json"));

        PlugboardProcess.Outcome created = ok(cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice"));
        assertThat(created.out()).contains("Created workflow " + SLUG + " for user:alice", "2 steps");

        JsonNode listed = JSON.readTree(ok(cli.run("workflows", "list", "--user", "alice", "--json")).out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("slug").asText()).isEqualTo(SLUG);
        assertThat(listed.get(0).path("triggerType").asText()).isEqualTo("EVENT");

        String yaml = ok(cli.run("workflows", "show", SLUG, "--user", "alice", "-o", "yaml")).out();
        long version = listed.get(0).path("version").asLong();
        PlugboardProcess.Outcome updated = ok(cli.runWithInput(yaml, "workflows", "update", SLUG, "--user", "alice", "-f", "-",
                "--if-version", String.valueOf(version)));
        assertThat(updated.out()).contains("Updated workflow " + SLUG);
        String shownAgain = ok(cli.run("workflows", "show", SLUG, "--user", "alice", "-o", "yaml")).out();
        YAMLMapper yamlMapper = new YAMLMapper();
        assertThat(yamlMapper.readTree(shownAgain)).as("the document survives show | update -f -")
                .isEqualTo(yamlMapper.readTree(yaml));

        assertThat(status(cli)).as("the file asks for ACTIVE").isEqualTo("ACTIVE");
        ok(cli.run("workflows", "pause", SLUG, "--user", "alice"));
        assertThat(status(cli)).isEqualTo("PAUSED");
        PlugboardProcess.Outcome pausedRun = cli.run("workflows", "run", SLUG, "--user", "alice");
        assertThat(pausedRun.exitCode()).as("a paused workflow is not run by hand: " + pausedRun).isEqualTo(5);
        ok(cli.run("workflows", "activate", SLUG, "--user", "alice"));
        assertThat(status(cli)).isEqualTo("ACTIVE");
        PlugboardProcess.Outcome otherOwner = cli.run("workflows", "show", SLUG, "--user", "bob");
        assertThat(otherOwner.exitCode()).as(otherOwner.toString()).isEqualTo(3);

        Files.writeString(cliFolder.resolve("bad.yaml"), "name: Bad plugin\nslug: bad-plugin\ndescription: x\n"
                + "steps:\n  - order: 0\n    plugin: translator\n");
        PlugboardProcess.Outcome refused = cli.run("workflows", "create", "-f", "bad.yaml", "--user", "alice");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.errorLines()).anySatisfy(line -> assertThat(line).startsWith("plugboard: error: step 0: ")
                .contains("translator"));
        Files.writeString(cliFolder.resolve("broken.yaml"), "name: Broken\nsteps: [\n");
        PlugboardProcess.Outcome broken = cli.run("workflows", "create", "-f", "broken.yaml", "--user", "alice");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.yaml", "line ", "column ");
        assertThat(JSON.readTree(ok(cli.run("workflows", "list", "--user", "alice", "--json")).out()))
                .as("nothing stored by the refused files").hasSize(1);

        PlugboardProcess.Outcome queued = ok(cli.run("workflows", "run", SLUG, "--user", "alice", "--data",
                "{\"text\": \"A message.\"}", "-o", "json"));
        JsonNode run = JSON.readTree(queued.out());
        assertThat(run.path("status").asText()).isIn("queued", "running");
        assertThat(run.path("stepRuns")).hasSize(2);
        JsonNode runs = JSON.readTree(ok(cli.run("workflows", "runs", SLUG, "--user", "alice", "--json")).out());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("id").asText()).isEqualTo(run.path("id").asText());
        assertThat(runs.get(0).path("triggerData").path("text").asText()).isEqualTo("A message.");
        PlugboardProcess.Outcome shownRun = ok(cli.run("workflows", "run-show", run.path("id").asText(), "--user", "alice"));
        assertThat(shownRun.out()).contains("Workflow run:", "summarizer", "webhook");

        JsonNode preview = JSON.readTree(ok(cli.run("workflows", "test", SLUG, "--user", "alice", "--data",
                "{\"text\": \"Short.\"}", "-o", "json")).out());
        assertThat(preview.path("steps").get(0).path("input").path("text").asText()).isEqualTo("Short.");
        assertThat(preview.path("steps").get(1).path("wouldRun").asBoolean()).as("a short text skips the webhook").isFalse();
        assertThat(preview.path("run").isNull()).isTrue();

        PlugboardProcess.Outcome help = ok(cli.run("workflows", "run", "--help"));
        assertThat(help.out()).contains("Examples:", "  plugboard workflows run ", "serving instance");
    }

    @Test
    void givenAServingInstance_runWait_printsEachStepAndExitsZeroWhenTheRunCompletes() throws Exception {
        Map<String, String> shared = Map.of("PLUGBOARD_DATA_DIR", folder.resolve("data").toString(),
                "PLUGBOARD_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString(), "PLUGBOARD_PORT", "0");
        PlugboardProcess server = new PlugboardProcess(Files.createDirectories(folder.resolve("server")), shared);
        Path cliFolder = Files.createDirectories(folder.resolve("cli"));
        PlugboardProcess cli = new PlugboardProcess(cliFolder, shared);
        Process serving = server.start("serve");
        try {
            server.awaitErrorLine(serving, "Executing runs as");
            ok(cli.run("installs", "add", "analytics", "--user", "alice"));
            Files.writeString(cliFolder.resolve("stats.yaml"), """
                    name: Daily stats
                    slug: daily-stats
                    description: Reads the analytics plugin's statistics.
                    triggerType: MANUAL
                    steps:
                      - order: 0
                        name: stats
                        plugin: analytics
                        inputMapping:
                          action: stats
                    """);
            ok(cli.run("workflows", "create", "-f", "stats.yaml", "--user", "alice"));
            ok(cli.run("workflows", "activate", "daily-stats", "--user", "alice"));

            PlugboardProcess.Outcome waited = cli.run("workflows", "run", "daily-stats", "--user", "alice", "--wait",
                    "--timeout", "120s");

            assertThat(waited.exitCode()).as(waited.toString()).isZero();
            assertThat(waited.out()).containsSubsequence("queued; waiting", "step 0 analytics (stats): completed",
                    "Status:", "completed");
        } finally {
            serving.destroy();
            if (!serving.waitFor(30, TimeUnit.SECONDS)) {
                serving.destroyForcibly();
            }
        }
    }

    private Path pluginsWithSummarizer() throws Exception {
        Path summarizer = Files.createDirectories(folder.resolve("plugins").resolve("summarizer"));
        Files.copy(Path.of("..", "plugins", "summarizer", "plugin.yaml"), summarizer.resolve("plugin.yaml"));
        return folder.resolve("plugins");
    }

    private static String status(PlugboardProcess cli) throws Exception {
        return JSON.readTree(ok(cli.run("workflows", "show", SLUG, "--user", "alice", "--json")).out()).path("status").asText();
    }

    private static PlugboardProcess.Outcome ok(PlugboardProcess.Outcome outcome) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        return outcome;
    }
}
