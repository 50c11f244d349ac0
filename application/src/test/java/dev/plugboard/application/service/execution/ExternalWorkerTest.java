package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.LeaseLostException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.plugboard.application.fixtures.ExecutionRig.FAST_RETRIES;
import static dev.plugboard.application.fixtures.ExecutionRig.install;
import static dev.plugboard.application.fixtures.ExecutionRig.installation;
import static dev.plugboard.application.fixtures.ExecutionRig.manifest;
import static dev.plugboard.application.fixtures.ExecutionRig.settings;
import static dev.plugboard.application.fixtures.ExecutionRig.start;
import static dev.plugboard.application.fixtures.ExecutionRig.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** External workers run plugins whose manifest says {@code execution: external}: claim, heartbeat, complete, fail. */
class ExternalWorkerTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Caller BOB = Caller.user("bob", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final PluginName RELAY = PluginName.of("relay");
    private static final ExecutionPolicy EXTERNAL = new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(30),
            new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(60), 2.0, Set.of("FATAL")));
    private static final PluginManifest RELAY_MANIFEST = PluginManifest.builder("relay", "1.0.0")
            .execution(EXTERNAL)
            .settingsSchema(JsonDocument.parse("""
                    {"type": "object", "required": ["url"],
                     "properties": {"url": {"type": "string"}, "token": {"type": "string", "writeOnly": true}}}"""))
            .defaultSettings(JsonDocument.parse("{\"url\": \"https://relay.example.test\"}"))
            .build();
    private static final JsonDocument ALICES_SETTINGS = JsonDocument.parse(
            "{\"url\": \"https://alice.example.test/in\", \"token\": \"s3cr3t\"}");

    private final ExecutionRig rig = new ExecutionRig();
    private final ScriptedHandler local = new ScriptedHandler(manifest("local", FAST_RETRIES),
            (input, settings, context) -> JsonDocument.empty());
    private Plugboard plugboard;

    @BeforeEach
    void aliceInstallsTheRelay() {
        plugboard = rig.plugboard(settings("test-1", 4, CircuitPolicy.DEFAULT), List.of(local), RELAY_MANIFEST);
        install(plugboard, ALICE, "relay", ALICES_SETTINGS);
        install(plugboard, BOB, "relay", JsonDocument.empty());
        install(plugboard, ALICE, "local", JsonDocument.empty());
    }

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    private List<ClaimedRun> claim(String worker, int max, int leaseSeconds) {
        return plugboard.workers().claim(new ClaimCommand(worker, Set.of(RELAY), max, leaseSeconds));
    }

    private ClaimedRun claimOne(String worker, int leaseSeconds) {
        List<ClaimedRun> claimed = claim(worker, 10, leaseSeconds);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private PluginRun queueAlicesRun() {
        return start(plugboard, ALICE, "relay", JsonDocument.parse("{\"message\": \"hi\"}"));
    }

    private static void assertLeaseLost(Executable call, RunId run, String worker) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(LeaseLostException.class, lost -> {
            assertThat(lost.run()).isEqualTo(run);
            assertThat(lost.holder()).isEqualTo("worker:" + worker);
            assertThat(lost.code()).isEqualTo("lease_lost");
        });
    }

    @Test
    void claimHeartbeatComplete_theWorkerGetsTheRunWithItsSecretSettings_andTheRunCompletesWithItsOutput() {
        PluginRun queued = queueAlicesRun();
        Instant claimedAt = rig.clock.now();

        ClaimedRun claimed = claimOne("w1", 30);

        assertThat(claimed.run().id()).isEqualTo(queued.id());
        assertThat(claimed.run().status()).isEqualTo(RunStatus.PROCESSING);
        assertThat(claimed.run().attempt()).isEqualTo(1);
        assertThat(claimed.run().input()).isEqualTo(JsonDocument.parse("{\"message\": \"hi\"}"));
        assertThat(claimed.run().lease()).contains(new Lease("worker:w1", claimedAt.plusSeconds(30)));
        assertThat(claimed.settings()).as("secrets in clear, for the worker only").isEqualTo(ALICES_SETTINGS);
        assertThat(installation(plugboard, ALICE_OWNER, "relay").settings().get("token")).contains("(set)");
        assertThat(claim("w2", 10, 30)).as("a claimed run is not handed out twice").isEmpty();

        Instant heartbeatAt = rig.clock.advanceSeconds(10);
        PluginRun renewed = plugboard.workers().heartbeat("w1", queued.id(), 60);

        assertThat(renewed.lease()).contains(new Lease("worker:w1", heartbeatAt.plusSeconds(60)));
        assertThat(stored(plugboard, queued).lease()).contains(new Lease("worker:w1", heartbeatAt.plusSeconds(60)));
        rig.clock.advanceSeconds(25); // past the first lease, within the renewed one
        assertThat(plugboard.reaper().reap()).isZero();

        PluginRun done = plugboard.workers().complete("w1", queued.id(), JsonDocument.parse("{\"delivered\": true}"));

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.output()).contains(JsonDocument.parse("{\"delivered\": true}"));
        assertThat(done.lease()).isEmpty();
        assertThat(stored(plugboard, queued)).isEqualTo(done);
        InstallationView installation = installation(plugboard, ALICE_OWNER, "relay");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).isEmpty();
        assertThat(installation.lastExecutedAt()).contains(rig.clock.now());
        Circuit circuit = plugboard.circuits().circuits(ALICE_OWNER).stream().filter(c -> c.plugin().equals(RELAY)).findFirst().orElseThrow();
        assertThat(circuit.successes()).isEqualTo(1);
        assertLeaseLost(() -> plugboard.workers().heartbeat("w1", queued.id(), 30), queued.id(), "w1");
        assertLeaseLost(() -> plugboard.workers().complete("w1", queued.id(), JsonDocument.empty()), queued.id(), "w1");
    }

    @Test
    void retryableFailure_putsTheRunBackToPendingAfterABackoff_thenItIsClaimedForASecondAttempt() {
        PluginRun queued = queueAlicesRun();
        claimOne("w1", 30);
        Instant failedAt = rig.clock.advanceSeconds(1);

        PluginRun retried = plugboard.workers().fail("w1", queued.id(), "UPSTREAM_DOWN", "the relay answered 503", true);

        assertThat(retried.status()).isEqualTo(RunStatus.PENDING);
        assertThat(retried.error()).contains(new RunError("UPSTREAM_DOWN", "the relay answered 503"));
        assertThat(retried.attempt()).isEqualTo(1);
        assertThat(retried.lease()).isEmpty();
        assertThat(retried.availableAt()).as("10 s backoff with equal jitter")
                .isBetween(failedAt.plusSeconds(5), failedAt.plusSeconds(10));
        InstallationView installation = installation(plugboard, ALICE_OWNER, "relay");
        assertThat(installation.executionCount()).as("a run waiting for its retry has not ended").isZero();
        assertThat(installation.lastError()).contains("UPSTREAM_DOWN: the relay answered 503");
        assertThat(claim("w1", 10, 30)).as("not before its backoff").isEmpty();

        rig.clock.advanceSeconds(10);
        ClaimedRun again = claimOne("w2", 30);

        assertThat(again.run().id()).isEqualTo(queued.id());
        assertThat(again.run().attempt()).isEqualTo(2);
        PluginRun done = plugboard.workers().complete("w2", queued.id(), JsonDocument.parse("{\"delivered\": true}"));
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.error()).isEmpty();
        assertThat(installation(plugboard, ALICE_OWNER, "relay").executionCount()).isEqualTo(1);
        assertThat(installation(plugboard, ALICE_OWNER, "relay").lastError()).isEmpty();
    }

    @Test
    void failureNotRetryable_orWithACodeNeverRetried_endsTheRun() {
        PluginRun first = queueAlicesRun();
        claimOne("w1", 30);
        PluginRun failed = plugboard.workers().fail("w1", first.id(), "BAD_PAYLOAD", "no recipient", false);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains(new RunError("BAD_PAYLOAD", "no recipient"));
        assertThat(failed.attempt()).isEqualTo(1);

        PluginRun second = queueAlicesRun();
        claimOne("w1", 30);
        PluginRun fatal = plugboard.workers().fail("w1", second.id(), "FATAL", "token revoked", true);
        assertThat(fatal.status()).isEqualTo(RunStatus.FAILED);
        assertThat(fatal.error()).contains(new RunError("FATAL", "token revoked"));
        assertThat(installation(plugboard, ALICE_OWNER, "relay").executionCount()).isEqualTo(2);
        assertThat(installation(plugboard, ALICE_OWNER, "relay").lastError()).contains("FATAL: token revoked");
    }

    @Test
    void aWorkerThatDoesNotHoldTheRun_isRefusedWithLeaseLost_andTheRunIsUntouched() {
        PluginRun queued = queueAlicesRun();
        claimOne("w1", 30);
        PluginRun held = stored(plugboard, queued);

        assertLeaseLost(() -> plugboard.workers().heartbeat("w2", queued.id(), 30), queued.id(), "w2");
        assertLeaseLost(() -> plugboard.workers().complete("w2", queued.id(), JsonDocument.empty()), queued.id(), "w2");
        assertLeaseLost(() -> plugboard.workers().fail("w2", queued.id(), "NOPE", "not mine", false), queued.id(), "w2");

        assertThat(stored(plugboard, queued)).isEqualTo(held);
        assertThat(stored(plugboard, queued).lease()).map(Lease::holder).contains("worker:w1");
        assertThat(installation(plugboard, ALICE_OWNER, "relay").executionCount()).isZero();
    }

    @Test
    void aStaleLease_isRefused_andTheRunGoesToTheNextWorkerAfterTheReaper() {
        PluginRun queued = queueAlicesRun();
        claimOne("w1", 5);
        rig.clock.advanceSeconds(6);

        assertLeaseLost(() -> plugboard.workers().heartbeat("w1", queued.id(), 30), queued.id(), "w1");
        assertLeaseLost(() -> plugboard.workers().complete("w1", queued.id(), JsonDocument.empty()), queued.id(), "w1");
        assertLeaseLost(() -> plugboard.workers().fail("w1", queued.id(), "LATE", "late", true), queued.id(), "w1");
        assertThat(stored(plugboard, queued).status()).isEqualTo(RunStatus.PROCESSING);

        assertThat(plugboard.reaper().reap()).isEqualTo(1);
        PluginRun reaped = stored(plugboard, queued);
        assertThat(reaped.status()).isEqualTo(RunStatus.PENDING);
        assertThat(reaped.error()).contains(new RunError("LEASE_EXPIRED", "'worker:w1' stopped renewing its lease (it died or hangs)"));
        rig.clock.advanceSeconds(10); // the retry's backoff
        ClaimedRun again = claimOne("w2", 30);
        assertThat(again.run().attempt()).isEqualTo(2);

        assertLeaseLost(() -> plugboard.workers().complete("w1", queued.id(), JsonDocument.empty()), queued.id(), "w1");
        PluginRun done = plugboard.workers().complete("w2", queued.id(), JsonDocument.parse("{\"by\": \"w2\"}"));
        assertThat(done.output()).contains(JsonDocument.parse("{\"by\": \"w2\"}"));
        assertThat(installation(plugboard, ALICE_OWNER, "relay").executionCount()).as("one run, ended by the success after an expired attempt").isEqualTo(1);
    }

    @Test
    void claimTakesAtMostMaxRuns_oldestFirst_acrossOwners() {
        PluginRun first = queueAlicesRun();
        rig.clock.advanceSeconds(1);
        PluginRun second = start(plugboard, BOB, "relay", JsonDocument.empty());
        rig.clock.advanceSeconds(1);
        PluginRun third = queueAlicesRun();

        List<ClaimedRun> claimed = claim("w1", 2, 30);

        assertThat(claimed).extracting(c -> c.run().id()).containsExactly(first.id(), second.id());
        assertThat(claimed.get(1).settings()).isEqualTo(JsonDocument.parse("{\"url\": \"https://relay.example.test\"}"));
        assertThat(claim("w1", 2, 30)).extracting(c -> c.run().id()).containsExactly(third.id());
    }

    @Test
    void inProcessExecutorsLeaveExternalRunsAlone() {
        PluginRun queued = queueAlicesRun();

        assertThat(rig.executor(plugboard).poll()).isZero();

        assertThat(stored(plugboard, queued).status()).isEqualTo(RunStatus.PENDING);
        assertThat(claim("w1", 1, 30)).hasSize(1);
    }

    @Test
    void installationSwitchedOffAfterQueueing_isNotHandedToAWorker_andItsRunFails() {
        PluginRun queued = queueAlicesRun();
        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, RELAY, false));

        assertThat(claim("w1", 10, 30)).isEmpty();

        PluginRun refused = stored(plugboard, queued);
        assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
        assertThat(refused.error()).map(RunError::code).contains("INSTALLATION_DISABLED");
        assertThat(installation(plugboard, ALICE_OWNER, "relay").lastError())
                .hasValueSatisfying(error -> assertThat(error).startsWith("INSTALLATION_DISABLED: "));
    }

    @Test
    void claimingAnInProcessPlugin_isRefused() {
        start(plugboard, ALICE, "local", JsonDocument.empty());

        assertThatThrownBy(() -> plugboard.workers().claim(new ClaimCommand("w1", Set.of(PluginName.of("local")), 1, 30)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("plugins");
                    assertThat(e.getMessage()).contains("in-process");
                });
        assertThatThrownBy(() -> plugboard.workers().claim(new ClaimCommand("w1", Set.of(RELAY, PluginName.of("local")), 1, 30)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> plugboard.workers().claim(new ClaimCommand("w1", Set.of(PluginName.of("ghost")), 1, 30)))
                .isInstanceOf(PluginNotFoundException.class);
    }

    @Test
    void badClaimAndHeartbeatArguments_areRefusedNamingTheField() {
        assertInvalid(() -> new ClaimCommand("w1", Set.of(RELAY), 0, 30), "max");
        assertInvalid(() -> new ClaimCommand("w1", Set.of(RELAY), 101, 30), "max");
        assertInvalid(() -> new ClaimCommand("w1", Set.of(RELAY), 1, 4), "leaseSeconds");
        assertInvalid(() -> new ClaimCommand("w1", Set.of(RELAY), 1, 3601), "leaseSeconds");
        assertInvalid(() -> new ClaimCommand("w1", Set.of(), 1, 30), "plugins");
        PluginRun queued = queueAlicesRun();
        claimOne("w1", 30);
        assertInvalid(() -> plugboard.workers().heartbeat("w1", queued.id(), 1), "leaseSeconds");
        assertInvalid(() -> plugboard.workers().heartbeat("w1", queued.id(), 3601), "leaseSeconds");
        assertThat(new ClaimCommand("w1", Set.of(RELAY), 100, 3600).max()).isEqualTo(100);
    }

    private static void assertInvalid(Executable call, String field) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
