package dev.plugboard.bootstrap.workflow;

import dev.plugboard.adapter.persistence.jdbc.JdbcRunRepository;
import dev.plugboard.adapter.persistence.jdbc.RunAttemptRow;
import dev.plugboard.adapter.persistence.jdbc.Sql;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.StepRunStatus;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import io.micronaut.context.ApplicationContext;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance running a three-step workflow is killed with SIGKILL (a JVM of its own, so nothing of it
 * can clean up) while step 1's plugin executes. A fresh instance on the same database finishes the run
 * from step 1: every step has one plugin run, and every step's side effect happened once across both JVMs.
 */
class KilledMidWorkflowTest {

    private final Caller alice = Caller.user("alice", null);
    private final WorkflowActor aliceActs = WorkflowActor.of(alice);

    @Test
    @Timeout(180) // a doomed JVM that never reaches step 1 would otherwise leave the read below waiting forever
    void givenInstanceKilledMidStep_aFreshInstanceFinishesTheRunAndNoStepRunsTwice(@TempDir Path data) throws Exception {
        Path ledger = data.resolve("side-effects.log");
        try (LaunchConfiguration database = TwoInstances.launch(data)) {
            String runId;
            try (ApplicationContext before = ApplicationContext.builder().properties(database.properties()).start()) {
                Plugboard setup = TwoInstances.plugboard(before, ExecutionSettings.defaults("setup"), List.of(new TallyPlugin()));
                setup.installations().install(new InstallPluginCommand(alice, PluginName.of("tally"), Optional.empty(), Optional.empty()));
                setup.workflows().manage().create(aliceActs, WorkflowsEmbeddedTest.workflow("three-steps",
                        "\"triggerType\": \"MANUAL\"", steps(ledger)));
                runId = setup.workflows().runs().run(aliceActs, "three-steps", java.util.Map.of()).id();
                // This JVM neither executes nor advances anything until the doomed instance is dead.
            }

            Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    DoomedWorkflowMain.class.getName(), data.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                    assertThat(line).as("the doomed instance reaches step 1 before it exits").isNotNull();
                } while (!line.startsWith("STEP1_RUNNING "));
                assertThat(line).isEqualTo("STEP1_RUNNING " + runId);
            } finally {
                doomed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, the lease and the running step are left behind
            }
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(doomed.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
            assertThat(Files.readAllLines(ledger)).as("only step 0 completed before the kill").containsExactly(runId + ":0");

            try (ApplicationContext after = ApplicationContext.builder().properties(database.properties()).start()) {
                TallyPlugin tally = new TallyPlugin();
                Plugboard fresh = TwoInstances.plugboard(after, new ExecutionSettings("fresh", 2, Duration.ofSeconds(30),
                        CircuitPolicy.DEFAULT, Duration.ofDays(7)), List.of(tally));
                WorkflowRun left = fresh.workflows().runs().getRun(aliceActs, runId);
                assertThat(left.status()).isEqualTo(WorkflowRunStatus.RUNNING);
                assertThat(left.stepRuns()).extracting(StepRun::status)
                        .containsExactly(StepRunStatus.COMPLETED, StepRunStatus.RUNNING, StepRunStatus.PENDING);
                PluginRun orphan = fresh.runs().get(alice.owner(), RunId.parse(left.stepRun(1).pluginRunId()));
                assertThat(orphan.status()).isEqualTo(RunStatus.PROCESSING);
                assertThat(orphan.lease()).get().satisfies(lease -> assertThat(lease.holder()).isEqualTo("doomed"));

                WorkflowRun finished = finish(fresh, runId);

                assertThat(finished.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
                assertThat(finished.stepRuns()).extracting(StepRun::status)
                        .containsExactly(StepRunStatus.COMPLETED, StepRunStatus.COMPLETED, StepRunStatus.COMPLETED);
                Sql sql = after.getBean(Sql.class);
                for (int order = 0; order < 3; order++) {
                    assertThat(sql.list("SELECT id FROM plugin_runs WHERE idempotency_key LIKE ?", row -> row.getString(1),
                            "wf:" + runId + ":" + order + ":%"))
                            .as("plugin runs of step %d", order)
                            .containsExactly(finished.stepRun(order).pluginRunId());
                }
                // Step 0 ran in the doomed JVM only; the fresh one ran step 1 again (its first attempt was cut short) and step 2.
                assertThat(tally.started).doesNotContainKey(0);
                assertThat(tally.started.get(1)).hasValue(1);
                assertThat(tally.started.get(2)).hasValue(1);
                assertThat(Files.readAllLines(ledger)).as("each step's side effect, across both JVMs")
                        .containsExactlyInAnyOrder(runId + ":0", runId + ":1", runId + ":2");
                // Step 1's one plugin run has two attempts: the one the kill cut off, and the fresh instance's.
                List<RunAttemptRow> attempts = after.getBean(JdbcRunRepository.class)
                        .attemptRows(alice.owner(), orphan.id());
                assertThat(attempts).extracting(RunAttemptRow::attempt, RunAttemptRow::worker, RunAttemptRow::status,
                        RunAttemptRow::errorCode).containsExactly(Tuple.tuple(1, "doomed", "failed", "LEASE_EXPIRED"),
                        Tuple.tuple(2, "fresh", "completed", null));
            }
        }
    }

    /** One plugin three times; each execution appends {@code <workflow run>:<order>} to the ledger file. */
    private static String steps(Path ledger) {
        StringBuilder steps = new StringBuilder("[");
        for (int order = 0; order < 3; order++) {
            steps.append(order == 0 ? "" : ", ").append("""
                    {"order": %d, "plugin": "tally", "inputMapping": {"run": "{{ ctx.runId }}", "order": %d, "ledger": "%s"}}"""
                    .formatted(order, order, ledger.toString().replace("\\", "\\\\")));
        }
        return steps.append(']').toString();
    }

    /** What a restarted server does: reap expired leases, execute, advance workflow runs; until the run ends. */
    private static WorkflowRun finish(Plugboard fresh, String runId) throws InterruptedException {
        WorkflowActor owner = WorkflowActor.of(Caller.user("alice", null));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (RunExecutor executor = fresh.newExecutor()) {
            while (true) {
                fresh.reaper().reap();
                executor.poll();
                fresh.workflows().engine().advanceDue(10);
                WorkflowRun now = fresh.workflows().runs().getRun(owner, runId);
                if (now.status().isFinal()) {
                    return now;
                }
                assertThat(Instant.now()).as("the fresh instance finishes the run in time; now " + now).isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }
}
