package dev.plugboard.application.service.execution;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.inmemory.InMemoryCircuitRepository;
import dev.plugboard.application.inmemory.InMemoryInstallationRepository;
import dev.plugboard.application.inmemory.InMemoryInstallationStore;
import dev.plugboard.application.inmemory.InMemoryPluginRepository;
import dev.plugboard.application.inmemory.InMemoryRunRepository;
import dev.plugboard.application.inmemory.InMemoryTransactionBoundary;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.execution.AttemptEnds.Ending;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group commit's writer: in a batch, successes of one owner and plugin in a row are written
 * together and a failure alone in its place, which must leave what writing each end alone leaves.
 */
class AttemptEndsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final TimeSource CLOCK = () -> T0.plusSeconds(5);
    private static final Owner ALICE = Owner.user("alice");
    private static final Owner BOB = Owner.user("bob");
    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final Attempt OK = new Attempt.Succeeded(JsonDocument.of(Map.of("ok", true)));
    private static final Attempt BROKE = new Attempt.Failed(new RunError("BOOM", "it broke"), false);

    private final InMemoryRunRepository runs = new InMemoryRunRepository();
    private final InMemoryInstallationRepository installations = new InMemoryInstallationRepository();
    private final InMemoryCircuitRepository circuits = new InMemoryCircuitRepository();
    private final InMemoryPluginRepository plugins = new InMemoryPluginRepository();
    private final InMemoryInstallationStore store = new InMemoryInstallationStore();
    private final InMemoryTransactionBoundary transactions =
            new InMemoryTransactionBoundary(List.of(runs, installations, circuits, plugins, store));
    // Two failures in a row open the circuit: the order of the outcomes shows in its state.
    private final RunOutcomes outcomes = new RunOutcomes(runs, installations, circuits,
            new CircuitPolicy(2, Duration.ofSeconds(30), 1), CLOCK, new RetryScheduler(plugins, () -> 0.5));
    private final AttemptEnds ends = new AttemptEnds(outcomes, CLOCK, ExecutionSettings.defaults("here"));

    @Test
    void givenSuccessesAroundFailuresInOneBatch_whenWrittenTogether_thenCircuitAndCountsAreThoseOfWritingEachAlone() {
        List<Attempt> script = List.of(OK, BROKE, BROKE, OK, OK, OK);
        List<Ending> alices = endings(ALICE, script);
        List<Ending> bobs = endings(BOB, script);

        transactions.inTransaction(() -> {
            ends.writeTogether(alices);
            return null;
        });
        for (Ending ending : bobs) {
            transactions.inTransaction(() -> {
                ends.writeOne(ending);
                return null;
            });
        }

        Circuit together = circuits.peek(ALICE, WEBHOOK).orElseThrow();
        Circuit alone = circuits.peek(BOB, WEBHOOK).orElseThrow();
        assertThat(List.of(together.state(), together.consecutiveFailures(), together.successes(), together.failures(),
                together.openUntil(), together.lastFailureAt()))
                .isEqualTo(List.of(alone.state(), alone.consecutiveFailures(), alone.successes(), alone.failures(),
                        alone.openUntil(), alone.lastFailureAt()))
                .isEqualTo(List.of(CircuitState.CLOSED, 0, 4L, 2L, Optional.empty(), Optional.of(T0.plusSeconds(5))));
        assertThat(installations.attemptCount(ALICE, WEBHOOK)).isEqualTo(installations.attemptCount(BOB, WEBHOOK)).isEqualTo(6);
        Installation alicesInstallation = installations.find(ALICE, WEBHOOK).orElseThrow();
        assertThat(alicesInstallation.executionCount()).isEqualTo(installations.find(BOB, WEBHOOK).orElseThrow().executionCount())
                .isEqualTo(6);
        assertThat(alicesInstallation.lastError()).isEmpty();
        assertThat(statuses(alices)).isEqualTo(statuses(bobs)).hasSize(6);
    }

    @Test
    void givenSuccessesOfTwoOwnersInOneBatch_whenWrittenTogether_thenEachOwnerCountsOnlyItsOwn() {
        List<Ending> batch = new ArrayList<>(endings(ALICE, List.of(OK, OK, OK)));
        batch.addAll(endings(BOB, List.of(OK, OK)));

        transactions.inTransaction(() -> {
            ends.writeTogether(batch);
            return null;
        });

        assertThat(circuits.peek(ALICE, WEBHOOK).orElseThrow().successes()).isEqualTo(3);
        assertThat(circuits.peek(BOB, WEBHOOK).orElseThrow().successes()).isEqualTo(2);
        assertThat(installations.find(ALICE, WEBHOOK).orElseThrow().executionCount()).isEqualTo(3);
        assertThat(installations.find(BOB, WEBHOOK).orElseThrow().executionCount()).isEqualTo(2);
        assertThat(statuses(batch)).containsOnly("completed");
    }

    /** The owner's installation, and one claimed run per scripted attempt end, in order. */
    private List<Ending> endings(Owner owner, List<Attempt> script) {
        Installation installation = installations.add(Installation.install(UUID.randomUUID(), owner, WEBHOOK,
                new SettingsPolicy().require(TestPlugins.webhook().settingsSpec(), TestPlugins.webhookSettings()), true, T0));
        List<Ending> endings = new ArrayList<>();
        for (Attempt attempt : script) {
            PluginRun queued = runs.add(PluginRun.create(RunId.of(UUID.randomUUID()), owner, WEBHOOK, RunTrigger.MANUAL,
                    JsonDocument.empty(), Optional.empty(), T0));
            PluginRun claimed = runs.update(queued.claim(new Lease("here", T0.plusSeconds(600)), T0.plusSeconds(1)));
            endings.add(new Ending(claimed, attempt, new BufferedStore(store, transactions, installation.id()),
                    new DeferredTelemetry(Telemetry.NONE)));
        }
        return endings;
    }

    private List<String> statuses(List<Ending> endings) {
        return endings.stream().map(ending -> runs.find(ending.claimed.owner(), ending.claimed.id()).orElseThrow())
                .map(run -> run.status().wireName() + run.error().map(error -> " " + error.code()).orElse("")).toList();
    }
}
