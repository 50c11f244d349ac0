package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.run.CancelRunUseCase.CancelRunCommand;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.LeaseLostException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.plugboard.application.fixtures.ExecutionRig.FAST_RETRIES;
import static dev.plugboard.application.fixtures.ExecutionRig.ONE_ATTEMPT;
import static dev.plugboard.application.fixtures.ExecutionRig.await;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static dev.plugboard.application.fixtures.ExecutionRig.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regressions: each test reproduces a defect found while the execution core was reviewed (a
 * stale attempt completing a re-claimed run, a wedged half-open circuit, unchecked worker
 * output, ...), and now guards its fix.
 */
class ExecutionRegressionTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final CircuitPolicy TOLERANT = new CircuitPolicy(100, Duration.ofSeconds(30), 1);

    private final ExecutionRig rig = new ExecutionRig();

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    /**
     * RunExecutor.invoke calls {@code result.cancel(true)} and THEN {@code abandonIfStillRunning},
     * which asks {@code result.isDone()}; a cancelled FutureTask always reports done, so the
     * counter never moves, whether or not the handler thread is still spinning.
     */
    @Test
    @DisplayName("BUG: abandonedHandlers() stays 0 for a handler that ignores interruption and keeps running")
    void hangingHandler_isCountedAsAbandoned() {
        AtomicBoolean release = new AtomicBoolean();
        AtomicBoolean exited = new AtomicBoolean();
        ScriptedHandler hanging = new ScriptedHandler(manifest("hang", ONE_ATTEMPT), (input, settings, context) -> {
            while (!release.get()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ignored) {
                    // ignores interruption
                }
            }
            exited.set(true);
            return JsonDocument.empty();
        });
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, TOLERANT), List.of(hanging));
        install(plugboard, ALICE, "hang", JsonDocument.empty());
        RunExecutor executor = rig.executor(plugboard);
        try {
            PluginRun timedOut = settle(plugboard, executor, start(plugboard, ALICE, "hang", JsonDocument.empty()));
            assertThat(timedOut.error()).map(RunError::code).contains("TIMEOUT");
            assertThat(exited).as("the handler thread is still running").isFalse();

            assertThat(executor.abandonedHandlers()).isEqualTo(1); // actual: 0
        } finally {
            release.set(true);
        }
    }

    /**
     * Leases are fenced by holder name only (RunExecutor.record checks
     * {@code requireLeaseHeldBy(instanceId)}), not by attempt. When an instance stalls past its
     * lease, the reaper returns the run, and the SAME instance (same instanceId; or a second
     * executor from the same Plugboard, since newExecutor() reuses the instance id) claims it again,
     * the stale attempt 1 finishing later passes the lease check and completes the run with its
     * result while attempt 2 is still running; attempt 2's result is then the one discarded. The
     * stale attempt's heartbeat also keeps renewing attempt 2's lease.
     */
    @Test
    @DisplayName("BUG: a stale attempt of the same instance completes the run after it was reaped and re-claimed")
    void staleAttemptOfTheSameInstance_isDiscarded() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        CountDownLatch finishSecond = new CountDownLatch(1);
        ScriptedHandler slow = new ScriptedHandler(manifest("probe", FAST_RETRIES), (input, settings, context) -> {
            if (context.attempt() == 1) {
                firstRunning.countDown();
                finishFirst.await();
            } else {
                secondRunning.countDown();
                finishSecond.await();
            }
            return JsonDocument.of(Map.of("attempt", context.attempt()));
        });
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, TOLERANT), List.of(slow));
        install(plugboard, ALICE, "probe", JsonDocument.empty());
        RunExecutor executor = rig.executor(plugboard);
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.empty());
        assertThat(executor.poll()).isEqualTo(1);
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();

        rig.clock.advanceSeconds(5); // attempt 1 stalls past its 2 s lease
        assertThat(plugboard.reaper().reap()).isEqualTo(1);
        assertThat(executor.poll()).isEqualTo(1);
        assertThat(secondRunning.await(5, TimeUnit.SECONDS)).isTrue();

        finishFirst.countDown();
        await("attempt 1 to end", () -> executor.inFlight() == 1);
        PluginRun meanwhile = stored(plugboard, queued);
        assertThat(meanwhile.status()).as("attempt 2 is still running and attempt 1 lost its lease, yet the run is %s with %s",
                meanwhile, meanwhile.output().orElse(null))
                .isEqualTo(RunStatus.PROCESSING); // actual: COMPLETED with {"attempt": 1}

        finishSecond.countDown();
        PluginRun done = settle(plugboard, executor, queued);
        assertThat(done.output()).contains(JsonDocument.of(Map.of("attempt", 2)));
    }

    /**
     * WorkerService.claim checks the plugin's execution mode but never that the plugin is still
     * enabled; the in-process executor fails such a run with PLUGIN_DISABLED (RunExecutor.prepare).
     * A run queued before an administrator switched an external plugin off is handed to a worker,
     * with the installation's secrets.
     */
    @Test
    @DisplayName("BUG: an external worker is handed a run of a plugin an administrator disabled after it was queued")
    void workerClaim_refusesRunsOfADisabledPlugin() {
        PluginManifest relay = PluginManifest.builder("relay", "1.0.0").execution(new ExecutionPolicy(ExecutionMode.EXTERNAL,
                Duration.ofSeconds(30), RetryPolicy.NONE)).build();
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, TOLERANT), List.of(), relay);
        install(plugboard, ALICE, "relay", JsonDocument.empty());
        PluginRun queued = start(plugboard, ALICE, "relay", JsonDocument.empty());
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), PluginName.of("relay"), false, false));

        assertThat(plugboard.workers().claim(new ClaimCommand("w1", Set.of(PluginName.of("relay")), 10, 30)))
                .isEmpty(); // actual: the run is claimed
        PluginRun refused = stored(plugboard, queued);
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.error()).map(RunError::code).contains("PLUGIN_DISABLED");
    }

    /**
     * Circuit.admit counts a half-open trial in {@code trialsInFlight}, and only recordSuccess /
     * recordFailure give it back. A trial run that ends any other way (the owner cancels it, so the
     * worker's or executor's result is refused with LeaseLost and nothing is recorded) leaves the
     * trial counted forever: the circuit stays HALF_OPEN with no trial slot and refuses every later
     * run with PLUGIN_CIRCUIT_OPEN, however long one waits, until an administrator forces it closed.
     * Same with an in-process executor.
     */
    @Test
    @DisplayName("BUG: a cancelled half-open trial wedges the circuit half-open, refusing every later run forever")
    void cancelledHalfOpenTrial_doesNotWedgeTheCircuit() {
        PluginManifest relay = PluginManifest.builder("relay", "1.0.0").execution(new ExecutionPolicy(ExecutionMode.EXTERNAL,
                Duration.ofSeconds(30), RetryPolicy.NONE)).build();
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, new CircuitPolicy(3, Duration.ofSeconds(30), 1)),
                List.of(), relay);
        install(plugboard, ALICE, "relay", JsonDocument.empty());
        PluginName relayName = PluginName.of("relay");
        ClaimCommand claim = new ClaimCommand("w1", Set.of(relayName), 10, 30);
        plugboard.circuits().force(Actor.operator("ops"), ALICE_OWNER, relayName, true, Duration.ofSeconds(30));
        rig.clock.advanceSeconds(31);
        PluginRun trial = start(plugboard, ALICE, "relay", JsonDocument.empty());
        assertThat(plugboard.workers().claim(claim)).hasSize(1);
        plugboard.runs().cancel(new CancelRunCommand(ALICE, trial.id()));
        assertThatThrownBy(() -> plugboard.workers().complete("w1", trial.id(), JsonDocument.empty()))
                .isInstanceOf(LeaseLostException.class);

        rig.clock.advance(Duration.ofHours(1));
        PluginRun later = start(plugboard, ALICE, "relay", JsonDocument.empty());

        List<?> claimed = plugboard.workers().claim(claim);
        assertThat(claimed).as("an hour later a new trial is admitted, yet the run is %s (%s) and the circuit %s with %s trial(s) in flight",
                stored(plugboard, later), stored(plugboard, later).error().orElse(null),
                plugboard.circuits().circuits(ALICE_OWNER).get(0).state(),
                plugboard.circuits().circuits(ALICE_OWNER).get(0).trialsInFlight()).hasSize(1);
        // actual: nothing claimed; the run failed with PLUGIN_CIRCUIT_OPEN and the circuit is
        // HALF_OPEN with trialsInFlight 1
        assertThat(stored(plugboard, later).status()).isEqualTo(RunStatus.PROCESSING);
        Circuit circuit = plugboard.circuits().circuits(ALICE_OWNER).get(0);
        assertThat(circuit.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    /**
     * The in-process executor fails an output that breaks the manifest's outputSchema with
     * OUTPUT_INVALID (RunExecutor.checked); WorkerService.complete stores any output as the run's
     * result, so the same plugin's contract holds or not depending on where it runs.
     */
    @Test
    @DisplayName("BUG: an external worker's output is not checked against the manifest's outputSchema")
    void workerOutputBreakingTheOutputSchema_failsTheRun() {
        PluginManifest relay = PluginManifest.builder("relay", "1.0.0")
                .execution(new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30), RetryPolicy.NONE))
                .outputSchema(JsonDocument.parse("""
                        {"type": "object", "required": ["total"], "properties": {"total": {"type": "integer"}}}"""))
                .build();
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, TOLERANT), List.of(), relay);
        install(plugboard, ALICE, "relay", JsonDocument.empty());
        PluginRun queued = start(plugboard, ALICE, "relay", JsonDocument.empty());
        plugboard.workers().claim(new ClaimCommand("w1", Set.of(PluginName.of("relay")), 1, 30));

        PluginRun result = plugboard.workers().complete("w1", queued.id(), JsonDocument.parse("{\"total\": \"many\"}"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED); // actual: COMPLETED with the invalid output
        assertThat(result.error()).map(RunError::code).contains("OUTPUT_INVALID");
    }

    /**
     * AuditAction.EVENT_PUBLISHED was added with this change but nothing writes it: EventService
     * never touches the audit trail (each run it starts is audited as RUN_STARTED, but the event,
     * its key and whether it was a duplicate leave no trace).
     */
    @Test
    @DisplayName("BUG: publishing an event is not audited (EVENT_PUBLISHED is never written)")
    void publishingAnEvent_isAudited() {
        PluginManifest listener = PluginManifest.builder("listener", "1.0.0")
                .capabilities(List.of("event:message.received")).build();
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, TOLERANT), List.of(), listener);
        install(plugboard, ALICE, "listener", JsonDocument.empty());

        plugboard.events().publish(new PublishEventCommand(ALICE, "message.received", JsonDocument.empty(), Optional.of("k1")));

        assertThat(AuditEntries.matching(plugboard, new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(AuditAction.EVENT_PUBLISHED), Optional.empty()))).hasSize(1); // actual: none
    }

    /**
     * RunExecutor.invoke builds the message with {@code timeout.toSeconds()}, which truncates: a
     * manifest timeout under one second (300 ms here) is reported as "did not finish within 0 s".
     */
    @Test
    @DisplayName("BUG: a sub-second timeout is reported as 'did not finish within 0 s'")
    void timeoutMessage_statesTheTimeoutThatApplied() {
        ScriptedHandler sleepy = new ScriptedHandler(manifest("sleepy", ONE_ATTEMPT), (input, settings, context) -> {
            Thread.sleep(5_000);
            return JsonDocument.empty();
        });
        Plugboard plugboard = rig.plugboard(settings("test-1", 2, TOLERANT), List.of(sleepy));
        install(plugboard, ALICE, "sleepy", JsonDocument.empty());

        PluginRun failed = settle(plugboard, rig.executor(plugboard), start(plugboard, ALICE, "sleepy", JsonDocument.empty()));

        assertThat(failed.error()).map(RunError::code).contains("TIMEOUT");
        assertThat(failed.error()).map(RunError::message).hasValueSatisfying(message ->
                assertThat(message).doesNotContain("within 0 s").contains("300 ms"));
    }
}
