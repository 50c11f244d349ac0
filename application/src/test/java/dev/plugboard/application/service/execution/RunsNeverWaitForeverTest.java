package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static dev.plugboard.application.fixtures.ExecutionRig.stored;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that nothing will execute end with a reason instead of waiting: NO_HANDLER at once, NOT_CLAIMED
 * after the start timeout; the per-owner limit keeps one owner's burst from taking every slot; and
 * an abandoned handler thread keeps its slot until it really ends.
 */
class RunsNeverWaitForeverTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Caller BOB = Caller.user("bob", null);
    private static final JsonDocument NO_INPUT = JsonDocument.empty();

    private final ExecutionRig rig = new ExecutionRig();

    @AfterEach
    void close() {
        rig.close();
    }

    private static PluginManifest external(String name, ExecutionPolicy policy) {
        return PluginManifest.builder(name, "1.0.0").execution(policy).build();
    }

    @Test
    void givenInProcessPluginWithoutHandler_start_failsAtOnceWithNoHandler_andCountsOneEndedRun() {
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, CircuitPolicy.DEFAULT), List.of(),
                PluginManifest.builder("orphan", "1.0.0").build());
        install(plugboard, ALICE, "orphan", NO_INPUT);

        PluginRun run = start(plugboard, ALICE, "orphan", NO_INPUT);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).map(RunError::code).contains("NO_HANDLER");
        assertThat(run.error()).map(RunError::message).hasValueSatisfying(message ->
                assertThat(message).contains("orphan").contains("execution: {mode: external}"));
        assertThat(run.attempt()).as("never attempted").isZero();
        assertThat(stored(plugboard, run).status()).isEqualTo(RunStatus.FAILED);
        assertThat(installation(plugboard, ALICE.owner(), "orphan").executionCount()).isEqualTo(1);
    }

    @Test
    void givenExternalRunNobodyClaims_reaper_failsItWithNotClaimedAfterTheStartTimeout_butNotBefore() {
        ExecutionPolicy policy = new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30), RetryPolicy.DEFAULT,
                Duration.ofSeconds(5), ExecutionPolicy.UNLIMITED);
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, CircuitPolicy.DEFAULT), List.of(), external("relay", policy));
        install(plugboard, ALICE, "relay", NO_INPUT);
        PluginRun run = start(plugboard, ALICE, "relay", NO_INPUT);
        assertThat(run.status()).isEqualTo(RunStatus.PENDING);

        rig.clock.advanceSeconds(4);
        plugboard.reaper().reap();
        assertThat(stored(plugboard, run).status()).as("still within its start timeout").isEqualTo(RunStatus.PENDING);

        rig.clock.advanceSeconds(2);
        assertThat(plugboard.reaper().reap()).isEqualTo(1);

        PluginRun failed = stored(plugboard, run);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).map(RunError::code).contains("NOT_CLAIMED");
        assertThat(failed.error()).map(RunError::message).hasValueSatisfying(message ->
                assertThat(message).contains("5s").contains("execution.startTimeout"));
        assertThat(failed.attempt()).isZero();
    }

    @Test
    void givenPerOwnerLimitOfTwo_workersClaimAtMostTwoOfOneOwnersRuns_andAnotherOwnerStillGetsHis() {
        ExecutionPolicy policy = new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30), RetryPolicy.DEFAULT,
                ExecutionPolicy.DEFAULT_START_TIMEOUT, 2);
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, CircuitPolicy.DEFAULT), List.of(), external("relay", policy));
        install(plugboard, ALICE, "relay", NO_INPUT);
        install(plugboard, BOB, "relay", NO_INPUT);
        for (int i = 0; i < 5; i++) {
            start(plugboard, ALICE, "relay", NO_INPUT);
        }
        start(plugboard, BOB, "relay", NO_INPUT);

        var first = plugboard.workers().claim(new ClaimCommand("w1", Set.of(PluginName.of("relay")), 10, 60));
        var second = plugboard.workers().claim(new ClaimCommand("w2", Set.of(PluginName.of("relay")), 10, 60));

        assertThat(first).extracting(claimed -> claimed.run().owner())
                .containsExactlyInAnyOrder(ALICE.owner(), ALICE.owner(), BOB.owner());
        assertThat(second).as("alice is at her limit until one of hers ends").isEmpty();
    }

    @Test
    void givenHandlerIgnoringInterruption_itsThreadKeepsItsSlot_soNoMoreRunsStartThanTheConcurrency() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        ScriptedHandler hanging = new ScriptedHandler(ExecutionRig.manifest("hang", ExecutionRig.ONE_ATTEMPT),
                (input, settings, context) -> {
                    while (!release.get()) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException ignored) {
                            // spins on regardless
                        }
                    }
                    return JsonDocument.empty();
                });
        Plugboard plugboard = rig.plugboard(settings("test-1", 1, CircuitPolicy.DEFAULT), List.of(hanging));
        install(plugboard, ALICE, "hang", NO_INPUT);
        RunExecutor executor = rig.executor(plugboard);
        try {
            PluginRun first = start(plugboard, ALICE, "hang", NO_INPUT);
            ExecutionRig.await("the first run to time out", () -> {
                executor.poll();
                return stored(plugboard, first).status() == RunStatus.FAILED;
            });
            ExecutionRig.await("its thread to be counted as abandoned", () -> executor.abandonedHandlers() == 1);
            PluginRun second = start(plugboard, ALICE, "hang", NO_INPUT);

            assertThat(executor.poll()).as("the only slot is held by the live abandoned thread").isZero();
            assertThat(executor.inFlight()).isEqualTo(1);
            assertThat(stored(plugboard, second).status()).isEqualTo(RunStatus.PENDING);

            release.set(true);
            ExecutionRig.await("the slot to come back when the thread ends",
                    () -> executor.inFlight() == 0 && executor.abandonedHandlers() == 0);
            assertThat(ExecutionRig.settle(plugboard, executor, second).status()).isEqualTo(RunStatus.COMPLETED);
        } finally {
            release.set(true);
        }
        assertThat(hanging.calls()).isEqualTo(2);
    }
}
