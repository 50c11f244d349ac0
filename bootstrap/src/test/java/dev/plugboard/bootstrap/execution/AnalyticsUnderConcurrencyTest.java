package dev.plugboard.bootstrap.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.bootstrap.support.TwoInstances;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.plugins.builtin.AnalyticsPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference plugin on PostgreSQL with runs of one installation executing at once on two
 * instances: every event is counted, none lost to a concurrent read-modify-write.
 */
class AnalyticsUnderConcurrencyTest {

    private static final PluginName ANALYTICS = PluginName.of("analytics");

    @Test
    void givenFortyConcurrentEventsForOneInstallation_analytics_countsEveryOneAndEveryUser(@TempDir Path data) throws Exception {
        ExecutionSettings settings = ExecutionSettings.defaults("unused");
        try (TwoInstances instances = new TwoInstances(data)) {
            Plugboard a = instances.instance(true, "analytics-a", new AnalyticsPlugin(), settings);
            Plugboard b = instances.instance(false, "analytics-b", new AnalyticsPlugin(), settings);
            Caller alice = Caller.user("alice", null);
            a.installations().install(new InstallPluginCommand(alice, ANALYTICS, Optional.empty(), Optional.empty()));
            for (int i = 0; i < 40; i++) {
                String type = i % 4 == 3 ? "message.sent" : "message.received";
                (i % 2 == 0 ? a : b).events().publish(new PublishEventCommand(alice, type,
                        JsonDocument.of(Map.of("userId", "user-" + (i % 5))), Optional.of("event-" + i)));
            }
            try (RunExecutor executorA = a.newExecutor(); RunExecutor executorB = b.newExecutor()) {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (a.runs().list(alice.owner(), new RunFilter(Optional.of(RunStatus.COMPLETED), Optional.empty()),
                        dev.plugboard.application.port.PageRequest.first(200)).items().size() < 40) {
                    assertThat(Instant.now()).as("all 40 runs complete in time").isBefore(deadline);
                    executorA.poll();
                    executorB.poll();
                    Thread.sleep(10);
                }
                PluginRun stats = a.runs().start(new StartRunCommand(alice, ANALYTICS,
                        JsonDocument.of(Map.of("action", "stats")), RunTrigger.MANUAL, Optional.empty()));
                while (a.runs().get(alice.owner(), stats.id()).status() != RunStatus.COMPLETED) {
                    assertThat(Instant.now()).isBefore(deadline);
                    executorA.poll();
                    Thread.sleep(10);
                }
                JsonDocument output = a.runs().get(alice.owner(), stats.id()).output().orElseThrow();
                assertThat(output.at("/totalMessages")).contains(40L);
                assertThat(output.at("/messagesReceived")).contains(30L);
                assertThat(output.at("/messagesSent")).contains(10L);
                assertThat(output.at("/uniqueUsers")).contains(5L);
            }
        }
    }
}
