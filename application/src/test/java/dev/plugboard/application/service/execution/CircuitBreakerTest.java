package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.plugboard.application.fixtures.ExecutionRig.ONE_ATTEMPT;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.settle;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The circuit breaker per owner and plugin, with threshold 3, a 30 s cooldown and one half-open
 * trial: it opens, rejects at start without executing, half-opens after the cooldown, closes on a
 * successful trial and reopens on a failing one; owners do not share it; administrators force it.
 */
class CircuitBreakerTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Caller BOB = Caller.user("bob", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final Owner BOB_OWNER = Owner.user("bob");
    private static final PluginName FLAKY = PluginName.of("flaky");
    private static final CircuitPolicy POLICY = new CircuitPolicy(3, Duration.ofSeconds(30), 1);
    private static final JsonDocument FAIL = JsonDocument.parse("{\"fail\": true}");
    private static final JsonDocument SUCCEED = JsonDocument.empty();
    private static final Actor ADMIN = Actor.operator("ops");

    private final ExecutionRig rig = new ExecutionRig();
    private final List<Circuit> seenDuringRuns = new CopyOnWriteArrayList<>();
    private Plugboard plugboard;
    private RunExecutor executor;

    /** Fails (no retry: one attempt) when the input says so; notes the circuit as it was while running. */
    private final ScriptedHandler flaky = new ScriptedHandler(manifest("flaky", ONE_ATTEMPT), (input, settings, context) -> {
        plugboard.circuits().circuits(context.owner()).stream().filter(c -> c.plugin().equals(FLAKY))
                .forEach(seenDuringRuns::add);
        if (input.has("fail")) {
            throw new IllegalStateException("upstream broken");
        }
        return JsonDocument.of(Map.of("ok", true));
    });

    @BeforeEach
    void aliceAndBobInstallTheFlakyPlugin() {
        plugboard = rig.plugboard(settings("test-1", 4, POLICY), List.of(flaky));
        install(plugboard, ALICE, "flaky", JsonDocument.empty());
        install(plugboard, BOB, "flaky", JsonDocument.empty());
        executor = rig.executor(plugboard);
    }

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    private PluginRun runToEnd(Caller caller, JsonDocument input) {
        return settle(plugboard, executor, start(plugboard, caller, "flaky", input));
    }

    private Circuit circuit(Owner owner) {
        List<Circuit> circuits = plugboard.circuits().circuits(owner);
        assertThat(circuits).extracting(Circuit::plugin).containsExactly(FLAKY);
        return circuits.get(0);
    }

    /** Three failing runs, one after the other; returns when the circuit opened. */
    private Instant openAlicesCircuit() {
        for (int i = 0; i < 3; i++) {
            PluginRun failed = runToEnd(ALICE, FAIL);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).map(RunError::code).contains("HANDLER_ERROR");
        }
        return rig.clock.now();
    }

    private void assertRejectedAtStart(PluginRun run, long retryAfterSeconds) {
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains(RunOutcomes.circuitOpen(retryAfterSeconds));
        assertThat(run.error()).map(RunError::code).contains("PLUGIN_CIRCUIT_OPEN");
        assertThat(run.output()).contains(JsonDocument.parse("{\"retryAfterSeconds\": " + retryAfterSeconds + "}"));
        assertThat(run.attempt()).as("never executed").isZero();
        assertThat(run.startedAt()).isEmpty();
        assertThat(run.completedAt()).contains(rig.clock.now());
    }

    @Test
    void threeFailuresOpenTheCircuit_andTheNextStartIsRecordedFailedWithoutExecuting() {
        Instant openedAt = openAlicesCircuit();

        Circuit open = circuit(ALICE_OWNER);
        assertThat(open.state()).isEqualTo(CircuitState.OPEN);
        assertThat(open.consecutiveFailures()).isEqualTo(3);
        assertThat(open.failures()).isEqualTo(3);
        assertThat(open.successes()).isZero();
        assertThat(open.rejections()).isZero();
        assertThat(open.openUntil()).contains(openedAt.plusSeconds(30));
        assertThat(open.lastFailureAt()).contains(openedAt);
        int callsBefore = flaky.calls();

        PluginRun rejected = start(plugboard, ALICE, "flaky", SUCCEED);

        assertRejectedAtStart(rejected, 30);
        assertThat(plugboard.runs().get(ALICE_OWNER, rejected.id())).isEqualTo(rejected);
        assertThat(executor.poll()).as("nothing left to execute").isZero();
        assertThat(flaky.calls()).isEqualTo(callsBefore);
        assertThat(circuit(ALICE_OWNER).rejections()).isEqualTo(1);
        assertThat(circuit(ALICE_OWNER).state()).isEqualTo(CircuitState.OPEN);
        InstallationView installation = installation(plugboard, ALICE_OWNER, "flaky");
        assertThat(installation.executionCount()).as("three failures and a rejection").isEqualTo(4);
        assertThat(installation.lastError()).contains(RunOutcomes.circuitOpen(30).toString());

        rig.clock.advanceSeconds(12);
        PluginRun later = start(plugboard, ALICE, "flaky", SUCCEED);
        assertRejectedAtStart(later, 18);
        assertThat(circuit(ALICE_OWNER).rejections()).isEqualTo(2);
        assertThat(AuditEntries.single(plugboard, AuditAction.RUN_STARTED, "run:" + later.id(), AuditEntry.Outcome.SUCCESS)
                .after()).contains(JsonDocument.parse("{\"status\": \"failed\", \"plugin\": \"flaky\", \"attempt\": 0}"));
    }

    @Test
    void afterTheCooldown_aTrialRunIsAdmittedHalfOpen_andItsSuccessClosesTheCircuit() {
        openAlicesCircuit();
        rig.clock.advanceSeconds(31);

        PluginRun trial = start(plugboard, ALICE, "flaky", SUCCEED);
        assertThat(trial.status()).as("queued once the cooldown is over").isEqualTo(RunStatus.PENDING);
        PluginRun done = settle(plugboard, executor, trial);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(seenDuringRuns.get(seenDuringRuns.size() - 1).state()).as("while the trial ran").isEqualTo(CircuitState.HALF_OPEN);
        assertThat(seenDuringRuns.get(seenDuringRuns.size() - 1).trialsInFlight()).isEqualTo(1);
        Circuit closed = circuit(ALICE_OWNER);
        assertThat(closed.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(closed.consecutiveFailures()).isZero();
        assertThat(closed.openUntil()).isEmpty();
        assertThat(closed.successes()).isEqualTo(1);
        assertThat(closed.failures()).isEqualTo(3);
        assertThat(installation(plugboard, ALICE_OWNER, "flaky").lastError()).isEmpty();

        PluginRun normal = runToEnd(ALICE, SUCCEED);
        assertThat(normal.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aFailingTrialReopensTheCircuit_forAnotherFullCooldown() {
        openAlicesCircuit();
        Instant trialAt = rig.clock.advanceSeconds(31);

        PluginRun trial = runToEnd(ALICE, FAIL);

        assertThat(trial.status()).isEqualTo(RunStatus.FAILED);
        assertThat(trial.error()).map(RunError::code).contains("HANDLER_ERROR");
        assertThat(seenDuringRuns.get(seenDuringRuns.size() - 1).state()).isEqualTo(CircuitState.HALF_OPEN);
        Circuit reopened = circuit(ALICE_OWNER);
        assertThat(reopened.state()).isEqualTo(CircuitState.OPEN);
        assertThat(reopened.openUntil()).contains(trialAt.plusSeconds(30));
        assertThat(reopened.consecutiveFailures()).isEqualTo(4);
        assertThat(reopened.failures()).isEqualTo(4);
        assertRejectedAtStart(start(plugboard, ALICE, "flaky", SUCCEED), 30);
    }

    @Test
    void whileTheTrialRuns_anotherRunOfTheSameOwnerIsRefusedWhenItComesToExecute() throws Exception {
        openAlicesCircuit();
        rig.clock.advanceSeconds(31);
        java.util.concurrent.CountDownLatch trialRunning = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finishTrial = new java.util.concurrent.CountDownLatch(1);
        ScriptedHandler slow = new ScriptedHandler(manifest("flaky", ONE_ATTEMPT), (input, settings, context) -> {
            trialRunning.countDown();
            finishTrial.await();
            return JsonDocument.of(Map.of("ok", true));
        });
        Plugboard other = rig.plugboard(settings("test-2", 1, POLICY), List.of(slow));
        RunExecutor otherExecutor = rig.executor(other);
        PluginRun trial = start(plugboard, ALICE, "flaky", SUCCEED);
        assertThat(otherExecutor.poll()).isEqualTo(1);
        assertThat(trialRunning.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        PluginRun second = start(plugboard, ALICE, "flaky", SUCCEED);
        assertThat(second.status()).as("half-open: queued, decided when it executes").isEqualTo(RunStatus.PENDING);
        PluginRun refused = settle(plugboard, executor, second);

        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.error()).map(RunError::code).contains("PLUGIN_CIRCUIT_OPEN");
        assertThat(refused.output()).contains(JsonDocument.parse("{\"retryAfterSeconds\": 30}"));
        assertThat(flaky.calls()).as("the refused run never reached a handler").isEqualTo(3);

        finishTrial.countDown();
        assertThat(settle(other, otherExecutor, trial).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(circuit(ALICE_OWNER).state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void anotherOwnersCircuitForTheSamePlugin_isUnaffected() {
        openAlicesCircuit();

        PluginRun bobs = runToEnd(BOB, SUCCEED);

        assertThat(bobs.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(circuit(ALICE_OWNER).state()).isEqualTo(CircuitState.OPEN);
        Circuit bobsCircuit = circuit(BOB_OWNER);
        assertThat(bobsCircuit.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(bobsCircuit.failures()).isZero();
        assertThat(bobsCircuit.rejections()).isZero();
        assertThat(bobsCircuit.successes()).isEqualTo(1);
        assertThat(installation(plugboard, BOB_OWNER, "flaky").executionCount()).isEqualTo(1);
        assertThat(installation(plugboard, BOB_OWNER, "flaky").lastError()).isEmpty();
    }

    @Test
    void anAdministratorForcesTheCircuitOpenAndClosed_andEachOverrideIsAudited() {
        String target = "circuit:user:alice/flaky";
        Instant forcedAt = rig.clock.advanceSeconds(1);

        Circuit forcedOpen = plugboard.circuits().force(ADMIN, ALICE_OWNER, FLAKY, true, Duration.ofMinutes(5));

        assertThat(forcedOpen.state()).isEqualTo(CircuitState.OPEN);
        assertThat(forcedOpen.openUntil()).contains(forcedAt.plus(Duration.ofMinutes(5)));
        assertThat(circuit(ALICE_OWNER).state()).isEqualTo(CircuitState.OPEN);
        assertRejectedAtStart(start(plugboard, ALICE, "flaky", SUCCEED), 300);
        assertThat(runToEnd(BOB, SUCCEED).status()).as("only Alice's circuit was forced").isEqualTo(RunStatus.COMPLETED);
        AuditEntry opened = AuditEntries.single(plugboard, AuditAction.CIRCUIT_FORCED, target, AuditEntry.Outcome.SUCCESS);
        assertThat(opened.actor()).isEqualTo(ADMIN);
        assertThat(opened.detail()).isEqualTo("forced open");
        assertThat(opened.before()).contains(JsonDocument.parse("{\"state\": \"closed\", \"consecutiveFailures\": 0}"));
        assertThat(opened.after()).contains(JsonDocument.parse("{\"state\": \"open\", \"consecutiveFailures\": 0, \"openUntil\": \""
                + forcedAt.plus(Duration.ofMinutes(5)) + "\"}"));

        rig.clock.advanceSeconds(1);
        Circuit forcedClosed = plugboard.circuits().force(ADMIN, ALICE_OWNER, FLAKY, false, null);

        assertThat(forcedClosed.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(forcedClosed.consecutiveFailures()).isZero();
        assertThat(runToEnd(ALICE, SUCCEED).status()).isEqualTo(RunStatus.COMPLETED);
        AuditEntry closed = AuditEntries.latest(plugboard, AuditAction.CIRCUIT_FORCED, target);
        assertThat(closed.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(closed.detail()).isEqualTo("forced closed");
        assertThat(closed.after()).contains(JsonDocument.parse("{\"state\": \"closed\", \"consecutiveFailures\": 0}"));
        assertThat(AuditEntries.of(plugboard, AuditAction.CIRCUIT_FORCED, target)).hasSize(2);
    }

    @Test
    void forcingClosedAnOpenCircuit_clearsItsFailureStreak() {
        openAlicesCircuit();

        plugboard.circuits().force(ADMIN, ALICE_OWNER, FLAKY, false, null);

        Circuit closed = circuit(ALICE_OWNER);
        assertThat(closed.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(closed.consecutiveFailures()).isZero();
        assertThat(closed.failures()).as("the stats are kept").isEqualTo(3);
        assertThat(runToEnd(ALICE, FAIL).status()).isEqualTo(RunStatus.FAILED);
        assertThat(circuit(ALICE_OWNER).state()).as("one failure after the reset is below the threshold").isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void forcingOpenWithoutAValidDuration_orForAnUnknownPlugin_isRefused() {
        assertThatThrownBy(() -> plugboard.circuits().force(ADMIN, ALICE_OWNER, FLAKY, true, Duration.ZERO))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("duration"));
        assertThatThrownBy(() -> plugboard.circuits().force(ADMIN, ALICE_OWNER, FLAKY, true, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("duration"));
        assertThatThrownBy(() -> plugboard.circuits().force(ADMIN, ALICE_OWNER, FLAKY, true, Duration.ofDays(31)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> plugboard.circuits().force(ADMIN, ALICE_OWNER, PluginName.of("nope"), true, Duration.ofMinutes(1)))
                .isInstanceOf(PluginNotFoundException.class);

        assertThat(AuditEntries.single(plugboard, AuditAction.CIRCUIT_FORCED, "circuit:user:alice/nope", AuditEntry.Outcome.FAILURE)
                .actor()).isEqualTo(ADMIN);
        assertThat(plugboard.circuits().circuits(ALICE_OWNER)).allSatisfy(c -> assertThat(c.state()).isEqualTo(CircuitState.CLOSED));
    }
}
