package dev.plugboard.bootstrap.execution;

import dev.plugboard.adapter.persistence.jdbc.JdbcRunRepository;
import dev.plugboard.adapter.persistence.jdbc.RunAttemptRow;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance killed with SIGKILL in the middle of a run (a separate JVM, so nothing of it can
 * clean up): its lease runs out, the other instance's reaper gives the run back, and the other
 * instance's executor finishes it.
 */
class KilledInstanceTest {

    @Test
    void givenInstanceKilledMidRun_itsRunIsReapedAndFinishedByTheSurvivor(@TempDir Path data) throws Exception {
        try (TwoInstances instances = new TwoInstances(data)) {
            EchoHandler survivorHandler = new EchoHandler();
            Plugboard survivor = instances.instance(true, "survivor", survivorHandler, ExecutionSettings.defaults("unused"));
            Caller alice = Caller.user("alice", null);
            survivor.installations().install(new InstallPluginCommand(alice, PluginName.of("echo"), Optional.empty(), Optional.empty()));
            PluginRun run = survivor.runs().start(new StartRunCommand(alice, PluginName.of("echo"),
                    JsonDocument.of(Map.of("n", 1)), RunTrigger.MANUAL, Optional.empty()));

            Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    DoomedInstanceMain.class.getName(), data.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                    assertThat(line).as("the doomed instance claims the run before it exits").isNotNull();
                } while (!line.startsWith("CLAIMED "));
                assertThat(line).isEqualTo("CLAIMED " + run.id());
            }
            assertThat(survivor.runs().get(alice.owner(), run.id()).lease()).get()
                    .satisfies(lease -> assertThat(lease.holder()).isEqualTo("doomed"));
            doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up, the lease is left behind
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            try (RunExecutor executor = survivor.newExecutor()) {
                while (survivor.runs().get(alice.owner(), run.id()).status() != RunStatus.COMPLETED) {
                    assertThat(Instant.now()).as("the survivor finishes the run in time").isBefore(deadline);
                    survivor.reaper().reap();
                    executor.poll();
                    Thread.sleep(100);
                }
            }
            PluginRun finished = survivor.runs().get(alice.owner(), run.id());
            assertThat(finished.attempt()).isEqualTo(2);
            assertThat(survivorHandler.executions.get(run.id()).get()).isEqualTo(1);
            List<RunAttemptRow> attempts = instances.context(true).getBean(JdbcRunRepository.class).attemptRows(alice.owner(), run.id());
            assertThat(attempts).extracting(RunAttemptRow::attempt, RunAttemptRow::worker, RunAttemptRow::status, RunAttemptRow::errorCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "doomed", "failed", "LEASE_EXPIRED"),
                            org.assertj.core.groups.Tuple.tuple(2, "survivor", "completed", null));
        }
    }
}
