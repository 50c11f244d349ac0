package dev.plugboard.adapter.cli.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.FakeWorkflows;
import dev.plugboard.domain.workflow.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow commands' own work, over stand-in use cases: reading workflow files, reporting their
 * problems, the YAML round trip, and following a run. Bootstrap's WorkflowCliProcessTest runs them on
 * PostgreSQL with the real services.
 */
class WorkflowCommandsTest {

    static final Path EXAMPLE = Path.of("..", "examples", "workflows", "summarize-and-notify.yaml");

    @TempDir
    Path folder;
    private FakeWorkflows workflows;

    @BeforeEach
    void fresh() {
        Cli.reset();
        workflows = Cli.context().getBean(FakeWorkflows.class);
    }

    @Test
    void givenTheExampleFile_create_savesItAsADraftAndSaysHowToActivateIt() {
        CliResult created = Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created workflow summarize-and-notify for user:alice: ACTIVE, 2 steps");
        assertThat(workflows.stored()).isEqualTo(1);
    }

    @Test
    void givenShowAsYaml_update_readsItBackFromStandardInput_andTheDocumentIsUnchanged() throws Exception {
        Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");
        CliResult shown = Cli.run("workflows", "show", "summarize-and-notify", "--user", "alice", "-o", "yaml");

        CliResult updated = Cli.runWithInput(shown.out(), "workflows", "update", "summarize-and-notify", "--user", "alice",
                "-f", "-", "--if-version", "0");
        CliResult again = Cli.run("workflows", "show", "summarize-and-notify", "--user", "alice", "-o", "yaml");

        assertThat(shown.out()).startsWith("# workflow summarize-and-notify of user:alice, version 0");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.out()).contains("Updated workflow summarize-and-notify", "version 1");
        YAMLMapper yaml = new YAMLMapper();
        JsonNode before = yaml.readTree(shown.out());
        assertThat(yaml.readTree(again.out())).isEqualTo(before);
        assertThat(before.path("steps").get(1).path("condition").path("if").asText())
                .isEqualTo("size(trigger.data.text) > 200");
        assertThat(before.path("steps").get(1).path("inputMapping").path("length").asText())
                .isEqualTo("{{ size(trigger.data.text) }}");
    }

    @Test
    void givenAStaleVersion_update_isAConflict() {
        Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");
        Cli.run("workflows", "pause", "summarize-and-notify", "--user", "alice");

        CliResult stale = Cli.run("workflows", "update", "summarize-and-notify", "--user", "alice", "-f",
                EXAMPLE.toString(), "--if-version", "0");

        assertThat(stale.exitCode()).isEqualTo(5);
    }

    @Test
    void givenAYamlSyntaxError_create_namesTheFileLineAndColumn_andStoresNothing() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.yaml"), "name: Broken\nslug: broken\nsteps:\n  - order: 0\n"
                + "     plugin: [summarizer\n");

        CliResult result = Cli.run("workflows", "create", "-f", bad.toString(), "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: workflow file '" + bad + "' is not valid YAML: ")
                .containsPattern("at line \\d+, column \\d+");
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(workflows.stored()).isZero();
    }

    @Test
    void givenJsonIndentedWithTabs_create_readsIt_andAJsonErrorHasItsLineAndColumn() throws Exception {
        Path tabs = Files.writeString(folder.resolve("tabs.json"), "{\n\t\"name\": \"Tabs\",\n\t\"slug\": \"tabs\",\n"
                + "\t\"description\": \"JSON with tabs\",\n\t\"steps\": [{\"order\": 0, \"plugin\": \"analytics\"}]\n}\n");
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\n  \"name\": \"Broken\",\n  \"slug\" \"x\"\n}\n");

        CliResult created = Cli.run("workflows", "create", "-f", tabs.toString(), "--user", "alice");
        CliResult refused = Cli.run("workflows", "create", "-f", broken.toString(), "--user", "alice");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("'" + broken + "' is not valid JSON: ", "at line 3, column");
    }

    @Test
    void givenAMissingFile_create_namesThePath() {
        CliResult result = Cli.run("workflows", "create", "-f", "no-such.yaml", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("workflow file 'no-such.yaml' does not exist", "no-such.yaml);",
                "or - for standard input");
    }

    @Test
    void givenStepsWithPluginsNotInstalled_create_printsOneLinePerProblem_exit4() throws Exception {
        Path file = Files.writeString(folder.resolve("w.json"), """
                {"name": "Two missing", "slug": "two-missing", "description": "Two plugins missing", "steps": [
                  {"order": 0, "plugin": "translator"}, {"order": 1, "plugin": "summarizer"}, {"order": 2, "plugin": "mailer"}]}
                """);

        CliResult result = Cli.run("workflows", "create", "-f", file.toString(), "--org", "acme");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err().lines()).containsExactly(
                "plugboard: error: the workflow can't be saved; nothing was stored (2 problems)",
                "plugboard: error: step 0: /steps/0/plugin: plugin 'translator' is not installed for this owner",
                "plugboard: error: step 2: /steps/2/plugin: plugin 'mailer' is not installed for this owner");
        assertThat(workflows.stored()).isZero();
    }

    @Test
    void givenAnUnknownField_create_namesIt() throws Exception {
        Path file = Files.writeString(folder.resolve("w.yaml"), "name: Typo\nslug: typo\ntrigerType: MANUAL\n"
                + "steps: [{order: 0, plugin: summarizer}]\n");

        CliResult result = Cli.run("workflows", "create", "-f", file.toString(), "--user", "alice");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err().lines()).anySatisfy(line -> assertThat(line).startsWith("plugboard: error: /trigerType: ")
                .contains("is not a workflow field"));
        assertThat(workflows.stored()).isZero();
    }

    @Test
    void givenAWebhookWorkflow_create_printsTheSecretOnceWithAWarning() throws Exception {
        Path file = Files.writeString(folder.resolve("hook.yaml"), "name: Hook\nslug: hook\ndescription: A hook\ntriggerType: WEBHOOK\n"
                + "steps: [{order: 0, plugin: analytics}]\n");

        CliResult created = Cli.run("workflows", "create", "-f", file.toString(), "--user", "alice");
        CliResult shown = Cli.run("workflows", "show", "hook", "--user", "alice");

        assertThat(created.out()).as(created.toString()).contains("Webhook secret: whsec-shown-once", "shown only once",
                "It is a draft", "plugboard workflows activate hook --user alice");
        assertThat(shown.out()).doesNotContain("whsec-shown-once");
    }

    @Test
    void givenRunWait_itPrintsEachStepAsItEnds_andExitsZeroWhenTheRunCompletes() {
        Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");

        CliResult run = Cli.run("workflows", "run", "summarize-and-notify", "--user", "alice", "--data",
                "{\"text\": \"hello\"}", "--wait");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence("queued; waiting", "step 0 summarizer (summary): completed",
                "step 1 webhook: completed", "Status:", "completed");
    }

    @Test
    void givenARunWhoseFirstStepFails_runWait_printsTheFailedStepAndExitsOne() {
        Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");
        workflows.engine(run -> {
            Instant now = Instant.now();
            WorkflowRun started = run.started(now).with(run.stepRun(0).resolved(Map.of(), null, now)
                    .failed("PLUGIN_TIMEOUT: no answer in 2m", now));
            return started.failed("step 0 failed", 0, now);
        });

        CliResult run = Cli.run("workflows", "run", "summarize-and-notify", "--user", "alice", "--wait");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).containsSubsequence("step 0 summarizer (summary): failed", "PLUGIN_TIMEOUT: no answer in 2m",
                "Status:", "failed", "Failed step:", "0");
        assertThat(run.out()).doesNotContain("step 1 webhook");
    }

    @Test
    void givenARunThatDoesNotEnd_runWait_timesOutSayingItGoesOnAndHowToFollowIt() {
        Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");
        workflows.engine(run -> run);

        CliResult run = Cli.run("workflows", "run", "summarize-and-notify", "--user", "alice", "--wait",
                "--timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("has not ended after 1.0 s; it keeps going", "plugboard serve",
                "plugboard workflows run-show ", "--user alice");
    }

    @Test
    void givenQueuedRuns_runs_listsThem_andIdShowsOne() {
        Cli.run("workflows", "create", "-f", EXAMPLE.toString(), "--user", "alice");
        String id = Cli.run("workflows", "run", "summarize-and-notify", "--user", "alice", "--data", "{\"text\": \"x\"}",
                "-o", "json").json().path("id").asText();

        JsonNode runs = Cli.run("workflows", "runs", "summarize-and-notify", "--user", "alice", "--json").json();
        CliResult one = Cli.run("workflows", "runs", "--id", id, "--user", "alice");
        CliResult neither = Cli.run("workflows", "runs", "--user", "alice");
        CliResult otherOwner = Cli.run("workflows", "run-show", id, "--user", "bob");

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("id").asText()).isEqualTo(id);
        assertThat(runs.get(0).path("triggerData").path("text").asText()).isEqualTo("x");
        assertThat(runs.get(0).path("stepRuns")).hasSize(2);
        assertThat(one.out()).contains("Workflow run:", id, "Steps:", "summarizer");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(otherOwner.exitCode()).isEqualTo(3);
    }
}
