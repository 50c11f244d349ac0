package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
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

import static dev.plugboard.application.fixtures.ExecutionRig.FAST_RETRIES;
import static dev.plugboard.application.fixtures.ExecutionRig.ONE_ATTEMPT;
import static dev.plugboard.application.fixtures.ExecutionRig.await;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static dev.plugboard.application.fixtures.ExecutionRig.stored;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs whose executor died: the reaper gives them back while attempts remain, fails them with
 * LEASE_EXPIRED when none do, and a late result of the executor that lost the lease is dropped.
 */
class LeaseReaperTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final PluginName PROBE = PluginName.of("probe");
    private static final CircuitPolicy POLICY = new CircuitPolicy(10, Duration.ofSeconds(30), 1);

    private final ExecutionRig rig = new ExecutionRig();

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    /** Something a handler does before it answers: nothing, or wait. */
    @FunctionalInterface
    private interface Before {
        void run() throws Exception;
    }

    /** A handler that answers who ran which attempt, after {@code before}. */
    private static ScriptedHandler answering(String name, String by, Before before) {
        return new ScriptedHandler(manifest(name, FAST_RETRIES), (input, settings, context) -> {
            before.run();
            return JsonDocument.of(Map.of("by", by, "attempt", context.attempt()));
        });
    }

    /** An executor that takes the run under a short lease and then dies without a word. */
    private PluginRun claimedByADeadExecutor(PluginName plugin) {
        List<PluginRun> claimed = rig.transactions.inTransaction(() -> rig.runs.claim(Set.of(plugin), 1,
                new Lease("dead-instance", rig.clock.now().plusSeconds(1)), rig.clock.now()));
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static String expired(String holder) {
        return "'" + holder + "' stopped renewing its lease (it died or hangs)";
    }

    @Test
    void expiredLeaseWithAttemptsLeft_goesBackToPending_andAnotherExecutorCompletesItOnce() {
        ScriptedHandler probe = answering("probe", "survivor", () -> { });
        Plugboard plugboard = rig.plugboard(settings("survivor", 4, POLICY), List.of(probe));
        install(plugboard, ALICE, "probe", JsonDocument.empty());
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        PluginRun claimed = claimedByADeadExecutor(PROBE);
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.lease()).contains(new Lease("dead-instance", rig.clock.now().plusSeconds(1)));

        assertThat(plugboard.reaper().reap()).as("the lease has not expired yet").isZero();
        assertThat(stored(plugboard, queued).status()).isEqualTo(RunStatus.PROCESSING);

        rig.clock.advanceSeconds(2);
        assertThat(plugboard.reaper().reap()).isEqualTo(1);
        assertThat(plugboard.reaper().reap()).as("each expired run is recovered once").isZero();

        PluginRun recovered = stored(plugboard, queued);
        assertThat(recovered.status()).isEqualTo(RunStatus.PENDING);
        assertThat(recovered.error()).contains(new RunError("LEASE_EXPIRED", expired("dead-instance")));
        assertThat(recovered.attempt()).isEqualTo(1);
        assertThat(recovered.lease()).isEmpty();
        assertThat(recovered.availableAt()).isEqualTo(rig.clock.now());
        InstallationView afterReap = installation(plugboard, ALICE_OWNER, "probe");
        assertThat(afterReap.executionCount()).as("the run is pending again, not ended").isZero();
        assertThat(afterReap.lastError()).contains("LEASE_EXPIRED: " + expired("dead-instance"));
        assertThat(afterReap.lastExecutedAt()).contains(rig.clock.now());

        PluginRun done = settle(plugboard, rig.executor(plugboard), queued);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.error()).isEmpty();
        assertThat(done.output()).contains(JsonDocument.of(Map.of("by", "survivor", "attempt", 2)));
        assertThat(probe.calls()).as("completed exactly once").isEqualTo(1);
        InstallationView installation = installation(plugboard, ALICE_OWNER, "probe");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).isEmpty();
        Circuit circuit = plugboard.circuits().circuits(ALICE_OWNER).get(0);
        assertThat(circuit.failures()).isEqualTo(1);
        assertThat(circuit.successes()).isEqualTo(1);
        assertThat(plugboard.reaper().reap()).isZero();
    }

    @Test
    void expiredLeaseOnTheLastAttempt_failsTheRunWithLeaseExpired() {
        ScriptedHandler probe = new ScriptedHandler(manifest("probe", ONE_ATTEMPT), (input, settings, context) -> JsonDocument.empty());
        Plugboard plugboard = rig.plugboard(settings("survivor", 4, POLICY), List.of(probe));
        install(plugboard, ALICE, "probe", JsonDocument.empty());
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        claimedByADeadExecutor(PROBE);
        rig.clock.advanceSeconds(2);

        assertThat(plugboard.reaper().reap()).isEqualTo(1);

        PluginRun failed = stored(plugboard, queued);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains(new RunError("LEASE_EXPIRED", expired("dead-instance")));
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.lease()).isEmpty();
        assertThat(failed.completedAt()).contains(rig.clock.now());
        assertThat(rig.executor(plugboard).poll()).isZero();
        assertThat(probe.calls()).isZero();
        assertThat(installation(plugboard, ALICE_OWNER, "probe").lastError()).contains("LEASE_EXPIRED: " + expired("dead-instance"));
        assertThat(installation(plugboard, ALICE_OWNER, "probe").executionCount()).isEqualTo(1);
    }

    @Test
    void executorsDyingOnEveryAttempt_useUpTheAttempts_andTheLastReapFailsTheRun() {
        ScriptedHandler probe = answering("probe", "nobody", () -> { });
        Plugboard plugboard = rig.plugboard(settings("survivor", 4, POLICY), List.of(probe));
        install(plugboard, ALICE, "probe", JsonDocument.empty());
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(claimedByADeadExecutor(PROBE).attempt()).isEqualTo(attempt);
            rig.clock.advanceSeconds(2);
            assertThat(plugboard.reaper().reap()).isEqualTo(1);
            assertThat(stored(plugboard, queued).status()).isEqualTo(attempt < 3 ? RunStatus.PENDING : RunStatus.FAILED);
        }

        PluginRun failed = stored(plugboard, queued);
        assertThat(failed.error()).map(RunError::code).contains("LEASE_EXPIRED");
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(probe.calls()).isZero();
        assertThat(installation(plugboard, ALICE_OWNER, "probe").executionCount()).isEqualTo(1);
    }

    @Test
    void executorFinishingAfterItsLeaseWasReaped_hasItsResultDiscarded_andTheRunCompletesOnceByTheOther() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch wakeUp = new CountDownLatch(1);
        ScriptedHandler stalling = answering("probe", "stalled", () -> {
            stalled.countDown();
            wakeUp.await();
        });
        ScriptedHandler healthy = answering("probe", "healthy", () -> { });
        Plugboard instanceA = rig.plugboard(settings("instance-a", 2, POLICY), List.of(stalling));
        Plugboard instanceB = rig.plugboard(settings("instance-b", 2, POLICY), List.of(healthy));
        install(instanceA, ALICE, "probe", JsonDocument.empty());
        RunExecutor executorA = rig.executor(instanceA);
        RunExecutor executorB = rig.executor(instanceB);
        PluginRun queued = start(instanceA, ALICE, "probe", JsonDocument.empty());

        assertThat(executorA.poll()).isEqualTo(1);
        assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stored(instanceA, queued).lease()).map(Lease::holder).contains("instance-a");
        rig.clock.advanceSeconds(5); // instance A stalls past its 2 s lease
        assertThat(instanceB.reaper().reap()).isEqualTo(1);
        assertThat(stored(instanceB, queued).error()).contains(new RunError("LEASE_EXPIRED", expired("instance-a")));

        PluginRun done = settle(instanceB, executorB, queued);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.output()).contains(JsonDocument.of(Map.of("by", "healthy", "attempt", 2)));

        wakeUp.countDown();
        await("instance A to finish its stale attempt", () -> executorA.inFlight() == 0);

        PluginRun after = stored(instanceA, queued);
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(after.output()).as("A's late result is discarded").contains(JsonDocument.of(Map.of("by", "healthy", "attempt", 2)));
        assertThat(after.attempt()).isEqualTo(2);
        assertThat(after.version()).as("nothing was written after B completed it").isEqualTo(done.version());
        assertThat(stalling.calls()).isEqualTo(1);
        assertThat(healthy.calls()).isEqualTo(1);
        InstallationView installation = installation(instanceA, ALICE_OWNER, "probe");
        assertThat(installation.executionCount()).as("one run, completed by B after a reaped attempt").isEqualTo(1);
        assertThat(installation.lastError()).isEmpty();
        Circuit circuit = instanceA.circuits().circuits(ALICE_OWNER).get(0);
        assertThat(circuit.successes()).isEqualTo(1);
        assertThat(circuit.failures()).isEqualTo(1);
    }

    @Test
    void reaperForgetsIdleClosedCircuits_butKeepsOpenOnes() {
        Caller bob = Caller.user("bob", null);
        ScriptedHandler probe = new ScriptedHandler(manifest("probe", ONE_ATTEMPT), (input, settings, context) -> {
            if (input.has("fail")) {
                throw new IllegalStateException("nope");
            }
            return JsonDocument.empty();
        });
        Plugboard plugboard = rig.plugboard(settings("survivor", 4, new CircuitPolicy(1, Duration.ofDays(30), 1)), List.of(probe));
        install(plugboard, ALICE, "probe", JsonDocument.empty());
        install(plugboard, bob, "probe", JsonDocument.empty());
        RunExecutor executor = rig.executor(plugboard);
        settle(plugboard, executor, start(plugboard, ALICE, "probe", JsonDocument.empty()));
        settle(plugboard, executor, start(plugboard, bob, "probe", JsonDocument.parse("{\"fail\": true}")));
        assertThat(plugboard.circuits().circuits(Owner.user("bob"))).extracting(Circuit::state).containsExactly(CircuitState.OPEN);

        rig.clock.advance(Duration.ofDays(6));
        plugboard.reaper().reap();
        assertThat(plugboard.circuits().circuits(ALICE_OWNER)).as("used six days ago").hasSize(1);

        rig.clock.advance(Duration.ofDays(2));
        plugboard.reaper().reap();
        assertThat(plugboard.circuits().circuits(ALICE_OWNER)).as("idle for eight days").isEmpty();
        assertThat(plugboard.circuits().circuits(Owner.user("bob"))).extracting(Circuit::state).containsExactly(CircuitState.OPEN);
    }
}
