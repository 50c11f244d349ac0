package dev.plugboard.application.telemetry;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidateSettingsCommand;
import dev.plugboard.application.port.in.run.CancelRunUseCase.CancelRunCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An embedded Plugboard reports to the telemetry it is given, at the moments the meters need, and never an owner. */
class TelemetryTest {

    private static final PluginName RELAY = PluginName.of("relay");
    private static final Caller ALICE = Caller.user("alice", null);

    /** Writes down every call as one line. */
    private static final class Recorder implements Telemetry {
        final List<String> calls = new ArrayList<>();

        @Override
        public void runFinished(PluginRun run) {
            calls.add("run " + run.plugin() + " " + run.status().wireName() + " "
                    + run.error().map(error -> error.code()).orElse("none"));
        }

        @Override
        public void attemptEnded(PluginName plugin, AttemptOutcome outcome) {
            calls.add("attempt " + plugin + " " + outcome.label());
        }

        @Override
        public void eventPublished(String type) {
            calls.add("event " + type);
        }

        @Override
        public void settingsValidated(String plugin, boolean valid) {
            calls.add("settings " + plugin + " " + (valid ? "valid" : "invalid"));
        }
    }

    private final Recorder recorder = new Recorder();
    private final Plugboard plugboard = Plugboard.builder()
            .manifest(PluginManifest.builder("relay", "1.0.0")
                    .execution(new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30),
                            new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, Set.of())))
                    .settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"properties\": {\"url\": {\"type\": \"string\"}}}"))
                    .build())
            .telemetry(recorder)
            .build();

    private RunId start() {
        return plugboard.runs().start(new StartRunCommand(ALICE, RELAY, JsonDocument.empty(), RunTrigger.MANUAL,
                Optional.empty())).id();
    }

    private void claim() {
        plugboard.workers().claim(new ClaimCommand("w1", Set.of(RELAY), 10, 30));
    }

    @Test
    void givenRunsThatCompleteRetryAndAreCancelled_telemetry_hearsEachFinalStateAndAttemptOnce() {
        plugboard.syncCatalog();
        plugboard.installations().validate(new ValidateSettingsCommand(RELAY, JsonDocument.parse("{\"url\": 5}"),
                Optional.empty()));
        plugboard.installations().install(new InstallPluginCommand(ALICE, RELAY, Optional.empty(), Optional.empty()));
        RunId completes = start();
        claim();
        plugboard.workers().complete("w1", completes, JsonDocument.empty());
        RunId retried = start();
        claim();
        plugboard.workers().fail("w1", retried, "UPSTREAM_DOWN", "503", true);
        plugboard.runs().cancel(new CancelRunCommand(ALICE, retried));
        plugboard.events().publish(new PublishEventCommand(ALICE, "order.paid", JsonDocument.empty(), Optional.empty()));

        assertThat(recorder.calls).containsExactly(
                "settings relay invalid",
                "settings relay valid",
                "attempt relay succeeded",
                "run relay completed none",
                "attempt relay retrying",
                "run relay cancelled UPSTREAM_DOWN",
                "event order.paid");
        assertThat(String.join("\n", recorder.calls)).doesNotContain("alice");
    }

    @Test
    void givenNoTelemetry_aPlugboard_runsAsBefore() {
        Plugboard quiet = Plugboard.builder().manifest(PluginManifest.builder("relay", "1.0.0").build()).build();
        quiet.syncCatalog();

        assertThat(quiet.installations().install(new InstallPluginCommand(ALICE, RELAY, Optional.empty(),
                Optional.empty())).plugin()).isEqualTo(RELAY);
    }
}
