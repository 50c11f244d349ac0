package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.out.RunWakeups;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.plugboard.application.fixtures.ExecutionRig.await;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static dev.plugboard.application.fixtures.ExecutionRig.stored;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim loop never leaves a slot idle while runs are pending: with the poll an hour away, runs
 * still complete, woken by the queue's signal and by slots freeing after full claims.
 */
class ClaimLoopTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Duration NEVER = Duration.ofHours(1);

    private final ExecutionRig rig = new ExecutionRig();
    private ClaimLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.close();
        }
        rig.close();
    }

    private Plugboard echo() {
        ScriptedHandler echo = new ScriptedHandler(manifest("echo", ExecutionRig.ONE_ATTEMPT),
                (input, settings, context) -> input);
        Plugboard plugboard = rig.plugboard(settings("loop-1", 2, CircuitPolicy.DEFAULT), List.of(echo));
        install(plugboard, ALICE, "echo", JsonDocument.empty());
        return plugboard;
    }

    private static List<PluginRun> queue(Plugboard plugboard, int count) {
        return IntStream.range(0, count).mapToObj(n -> start(plugboard, ALICE, "echo", JsonDocument.of(Map.of("n", n)))).toList();
    }

    private static void awaitCompleted(Plugboard plugboard, List<PluginRun> runs) {
        await(runs.size() + " runs to complete", () -> runs.stream()
                .allMatch(run -> stored(plugboard, run).status() == RunStatus.COMPLETED));
    }

    @Test
    void givenAFullQueueAndNoSignal_whenTheLoopStartsWithAnHourlyPoll_thenFreedSlotsClaimAgainUntilAllComplete() {
        Plugboard plugboard = echo();
        List<PluginRun> runs = queue(plugboard, 25);

        loop = new ClaimLoop(rig.executor(plugboard), RunWakeups.NONE, NEVER).start();

        awaitCompleted(plugboard, runs);
        assertThat(runs).allSatisfy(run -> assertThat(stored(plugboard, run).output())
                .contains(JsonDocument.of(Map.of("n", run.input().get("n").orElseThrow()))));
    }

    @Test
    void givenAnIdleLoopWithAnHourlyPoll_whenRunsAreQueued_thenTheQueuesSignalWakesItAndAllComplete() {
        Plugboard plugboard = echo();
        loop = plugboard.newClaimLoop(NEVER).start();
        await("the first claim of the idle loop", () -> loop.executor().freeSlots() == 2);

        List<PluginRun> first = queue(plugboard, 1);
        awaitCompleted(plugboard, first);
        List<PluginRun> burst = queue(plugboard, 30);

        awaitCompleted(plugboard, burst);
        assertThat(loop.executor().inFlight()).isZero();
    }

    @Test
    void givenANonPositivePollInterval_whenALoopIsMade_thenItIsRefusedNamingTheValue() {
        Plugboard plugboard = echo();
        RunExecutor executor = rig.executor(plugboard);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new ClaimLoop(executor, RunWakeups.NONE, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    }
}
