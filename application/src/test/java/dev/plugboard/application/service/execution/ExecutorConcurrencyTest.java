package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.run.CancelRunUseCase.CancelRunCommand;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static org.assertj.core.api.Assertions.assertThat;

/** The executor never runs more handlers at once than its concurrency allows, and gets through them all. */
class ExecutorConcurrencyTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final ExecutionPolicy SLOW_BUT_IN_TIME = new ExecutionPolicy(ExecutionMode.IN_PROCESS,
            Duration.ofSeconds(5), new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Set.of()));

    private final ExecutionRig rig = new ExecutionRig();

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    @Test
    void withConcurrencyTwo_fiveSlowRuns_neverMoreThanTwoHandlersAtOnce_andAllComplete() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ScriptedHandler slow = new ScriptedHandler(manifest("slow", SLOW_BUT_IN_TIME), (input, settings, context) -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            } finally {
                running.decrementAndGet();
            }
            return JsonDocument.of(Map.of("n", input.get("n").orElseThrow()));
        });
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, CircuitPolicy.DEFAULT), List.of(slow));
        install(plugboard, ALICE, "slow", JsonDocument.empty());
        RunExecutor executor = rig.executor(plugboard);
        List<PluginRun> queued = IntStream.range(0, 5)
                .mapToObj(n -> start(plugboard, ALICE, "slow", JsonDocument.of(Map.of("n", n)))).toList();

        assertThat(executor.poll()).as("a poll claims only as many runs as there are free slots").isEqualTo(2);
        assertThat(executor.poll()).as("no slot is free while both run").isZero();
        assertThat(executor.inFlight()).isEqualTo(2);

        List<PluginRun> done = settle(plugboard, executor, queued);

        assertThat(done).extracting(PluginRun::status).containsOnly(RunStatus.COMPLETED);
        assertThat(done).extracting(PluginRun::attempt).containsOnly(1);
        for (int n = 0; n < 5; n++) {
            assertThat(done.get(n).output()).contains(JsonDocument.of(Map.of("n", n)));
        }
        assertThat(mostAtOnce.get()).as("at most two handlers at once, and the pool was used").isEqualTo(2);
        assertThat(slow.calls()).isEqualTo(5);
        assertThat(executor.inFlight()).isZero();
        assertThat(installation(plugboard, Owner.user("alice"), "slow").executionCount()).isEqualTo(5);
    }

    /**
     * Ends that finish together may be written in one transaction (group commit); a run cancelled
     * while its handler worked must lose its result without taking its neighbour's along.
     */
    @Test
    void givenTwoRunsEndingTogether_whenOneWasCancelledMeanwhile_thenOnlyTheOtherCompletes() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedHandler held = new ScriptedHandler(manifest("held", SLOW_BUT_IN_TIME), (input, settings, context) -> {
            started.countDown();
            release.await();
            return JsonDocument.of(Map.of("done", true));
        });
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, CircuitPolicy.DEFAULT), List.of(held));
        install(plugboard, ALICE, "held", JsonDocument.empty());
        RunExecutor executor = rig.executor(plugboard);
        PluginRun kept = start(plugboard, ALICE, "held", JsonDocument.empty());
        PluginRun cancelled = start(plugboard, ALICE, "held", JsonDocument.empty());
        assertThat(executor.poll()).isEqualTo(2);
        assertThat(started.await(10, TimeUnit.SECONDS)).as("both handlers started").isTrue();

        plugboard.runs().cancel(new CancelRunCommand(ALICE, cancelled.id()));
        release.countDown();
        List<PluginRun> done = settle(plugboard, executor, List.of(kept, cancelled));

        assertThat(done).extracting(PluginRun::status).containsExactly(RunStatus.COMPLETED, RunStatus.CANCELLED);
        assertThat(done.get(0).output()).contains(JsonDocument.of(Map.of("done", true)));
        assertThat(done.get(1).output()).isEmpty();
        assertThat(installation(plugboard, Owner.user("alice"), "held").executionCount()).isEqualTo(1);
        assertThat(plugboard.circuits().circuits(Owner.user("alice"))).singleElement()
                .satisfies(circuit -> assertThat(circuit.successes()).isEqualTo(1));
    }
}
