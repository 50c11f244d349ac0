package dev.plugboard.bootstrap.execution;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL: NO_HANDLER at once, NOT_CLAIMED from the reaper after a short start timeout, and the run counts. */
class RunsNeverWaitOnPostgresTest {

    @TempDir
    Path data;

    @Test
    void givenNoHandlerOrNoWorker_runsEndWithNoHandlerAtOnce_andNotClaimedAfterTheStartTimeout() throws Exception {
        PluginManifest orphan = PluginManifest.builder("orphan", "1.0.0").build();
        PluginManifest relay = PluginManifest.builder("relay", "1.0.0")
                .execution(new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30), RetryPolicy.DEFAULT,
                        Duration.ofSeconds(1), ExecutionPolicy.UNLIMITED))
                .build();
        try (TwoInstances instances = new TwoInstances(data)) {
            Plugboard plugboard = instances.context(true).getBean(PostgresStorage.class).applyTo(Plugboard.builder())
                    .handlers(new HandlerRegistry(List.of())).manifest(orphan).manifest(relay).build();
            plugboard.syncCatalog();
            Caller alice = Caller.user("alice", null);
            for (String plugin : List.of("orphan", "relay")) {
                plugboard.installations().install(new InstallPluginCommand(alice, PluginName.of(plugin), Optional.empty(),
                        Optional.empty()));
            }

            PluginRun noHandler = start(plugboard, alice, "orphan");
            PluginRun waiting = start(plugboard, alice, "relay");
            assertThat(noHandler.status()).isEqualTo(RunStatus.FAILED);
            assertThat(noHandler.error()).map(RunError::code).contains("NO_HANDLER");
            assertThat(plugboard.runs().get(alice.owner(), noHandler.id()).error()).map(RunError::code).contains("NO_HANDLER");
            assertThat(waiting.status()).isEqualTo(RunStatus.PENDING);

            Instant deadline = Instant.now().plusSeconds(20);
            while (plugboard.runs().get(alice.owner(), waiting.id()).status() == RunStatus.PENDING) {
                assertThat(Instant.now()).as("the reaper fails the unclaimed run").isBefore(deadline);
                Thread.sleep(200);
                plugboard.reaper().reap();
            }

            PluginRun notClaimed = plugboard.runs().get(alice.owner(), waiting.id());
            assertThat(notClaimed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(notClaimed.error()).map(RunError::code).contains("NOT_CLAIMED");
            assertThat(Duration.between(notClaimed.createdAt(), notClaimed.completedAt().orElseThrow()))
                    .as("not before its start timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(plugboard.runs().history(alice.owner(), waiting.id()).attempts()).as("never attempted").isEmpty();
            assertThat(plugboard.installations().getInstallation(alice.owner(), "relay").executionCount()).isEqualTo(1);
        }
    }

    private static PluginRun start(Plugboard plugboard, Caller caller, String plugin) {
        return plugboard.runs().start(new StartRunCommand(caller, PluginName.of(plugin), JsonDocument.empty(),
                RunTrigger.MANUAL, Optional.empty()));
    }
}
