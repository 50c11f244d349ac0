package dev.plugboard.application.service.execution;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.ExecutionRig;
import dev.plugboard.application.fixtures.ScriptedHandler;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * How each way a handler can end is recorded by the {@link RunExecutor}: the run, its error and
 * attempt, the installation's execution record, and the circuit. Retries are immediate (zero
 * backoff) and the circuit tolerant, so that only the handler's behaviour is in play.
 */
class HandlerOutcomesTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final CircuitPolicy TOLERANT = new CircuitPolicy(100, Duration.ofSeconds(30), 1);
    private static final JsonDocument NO_INPUT = JsonDocument.empty();

    private final ExecutionRig rig = new ExecutionRig();
    private Plugboard plugboard;
    private RunExecutor executor;

    @AfterEach
    void closeExecutors() {
        rig.close();
    }

    /** Wires the handlers into a Plugboard with {@code concurrency} slots, installs each for Alice. */
    private void run(int concurrency, ScriptedHandler... handlers) {
        plugboard = rig.plugboard(settings("test-1", concurrency, TOLERANT), List.of(handlers));
        for (ScriptedHandler handler : handlers) {
            install(plugboard, ALICE, handler.manifest().name().value(), JsonDocument.empty());
        }
        executor = rig.executor(plugboard);
    }

    private static ScriptedHandler handler(String name, ExecutionPolicy policy, ScriptedHandler.Body body) {
        return new ScriptedHandler(manifest(name, policy), body);
    }

    private InstallationView installationOf(String plugin) {
        return installation(plugboard, ALICE_OWNER, plugin);
    }

    private Circuit circuitOf(String plugin) {
        return plugboard.circuits().circuits(ALICE_OWNER).stream()
                .filter(circuit -> circuit.plugin().value().equals(plugin)).findFirst()
                .orElseThrow(() -> new AssertionError("no circuit for " + plugin));
    }

    private static void assertFailed(PluginRun run, String code, String message, int attempt) {
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains(new RunError(code, message));
        assertThat(run.attempt()).isEqualTo(attempt);
        assertThat(run.lease()).isEmpty();
        assertThat(run.completedAt()).isPresent();
    }

    @Test
    void handlerReturns_runCompletesWithItsOutput_andTheInstallationCountsOneExecution() {
        ScriptedHandler echo = handler("probe", FAST_RETRIES, (input, settings, context) -> JsonDocument.of(Map.of(
                "echo", input.get("text").orElse(""), "attempt", context.attempt(),
                "owner", context.owner().toString(), "run", context.runId().toString())));
        run(4, echo);
        PluginRun queued = start(plugboard, ALICE, "probe", JsonDocument.parse("{\"text\": \"hello\"}"));
        Instant executedAt = rig.clock.advanceSeconds(5);

        PluginRun done = settle(plugboard, executor, queued);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.output()).contains(JsonDocument.of(Map.of("echo", "hello", "attempt", 1,
                "owner", "user:alice", "run", queued.id().toString())));
        assertThat(done.error()).isEmpty();
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.lease()).isEmpty();
        assertThat(done.startedAt()).contains(executedAt);
        assertThat(done.completedAt()).contains(executedAt);
        assertThat(echo.calls()).isEqualTo(1);
        HandlerContext context = echo.contexts().get(0);
        assertThat(context.logger()).isNotNull();
        assertThat(context.store()).isNotNull();

        InstallationView installation = installationOf("probe");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).isEmpty();
        assertThat(installation.lastExecutedAt()).contains(executedAt);

        Circuit circuit = circuitOf("probe");
        assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(circuit.successes()).isEqualTo(1);
        assertThat(circuit.failures()).isZero();
    }

    @Test
    void handlerGetsTheInstallationsSettings_withSecretsInClearAndDefaultsApplied() {
        PluginManifest withSecret = manifest("probe", FAST_RETRIES).toBuilder()
                .settingsSchema(JsonDocument.parse("""
                        {"type": "object",
                         "properties": {"token": {"type": "string", "writeOnly": true},
                                        "greeting": {"type": "string", "default": "hi"}}}"""))
                .build();
        ScriptedHandler probe = new ScriptedHandler(withSecret, (input, settings, context) -> JsonDocument.empty());
        plugboard = rig.plugboard(settings("test-1", 4, TOLERANT), List.of(probe));
        InstallationView view = install(plugboard, ALICE, "probe", JsonDocument.parse("{\"token\": \"s3cr3t\"}"));
        executor = rig.executor(plugboard);
        assertThat(view.settings().get("token")).contains("(set)");

        settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertThat(probe.settingsSeen()).containsExactly(JsonDocument.parse("{\"token\": \"s3cr3t\", \"greeting\": \"hi\"}"));
    }

    @Test
    void handlerThrowsRuntimeException_attemptFailsWithHandlerError_retriedUpToMaxAttempts() {
        ScriptedHandler broken = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            throw new IllegalStateException("database down");
        });
        run(4, broken);

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertFailed(failed, "HANDLER_ERROR", "IllegalStateException: database down", 3);
        assertThat(failed.output()).isEmpty();
        assertThat(broken.calls()).isEqualTo(3);
        assertThat(broken.contexts()).extracting(HandlerContext::attempt).containsExactly(1, 2, 3);
        InstallationView installation = installationOf("probe");
        assertThat(installation.executionCount()).as("one run ended, after three attempts").isEqualTo(1);
        assertThat(installation.lastError()).contains("HANDLER_ERROR: IllegalStateException: database down");
        assertThat(installation.lastExecutedAt()).contains(rig.clock.now());
        Circuit circuit = circuitOf("probe");
        assertThat(circuit.failures()).isEqualTo(3);
        assertThat(circuit.consecutiveFailures()).isEqualTo(3);
        assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void handlerThrowsAnError_attemptFailsWithHandlerCrash_andTheExecutorGoesOnWithTheNextRun() {
        ScriptedHandler crashy = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            if (input.has("crash")) {
                throw new NoClassDefFoundError("com/example/Missing");
            }
            return JsonDocument.of(Map.of("ok", true));
        });
        run(1, crashy);

        PluginRun crashed = settle(plugboard, executor, start(plugboard, ALICE, "probe", JsonDocument.parse("{\"crash\": true}")));

        assertFailed(crashed, "HANDLER_CRASH", "NoClassDefFoundError: com/example/Missing", 3);
        assertThat(installationOf("probe").lastError()).contains("HANDLER_CRASH: NoClassDefFoundError: com/example/Missing");
        assertThat(installationOf("probe").executionCount()).isEqualTo(1);

        PluginRun next = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(next.output()).contains(JsonDocument.of(Map.of("ok", true)));
        assertThat(crashy.calls()).isEqualTo(4);
        InstallationView installation = installationOf("probe");
        assertThat(installation.executionCount()).isEqualTo(2);
        assertThat(installation.lastError()).as("a success clears the last error").isEmpty();
    }

    @Test
    void handlerReturnsNull_attemptFailsWithHandlerError() {
        ScriptedHandler silent = handler("probe", ONE_ATTEMPT, (input, settings, context) -> null);
        run(4, silent);

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertFailed(failed, "HANDLER_ERROR", "the handler returned no output", 1);
        assertThat(installationOf("probe").lastError()).contains("HANDLER_ERROR: the handler returned no output");
    }

    @Test
    void handlerSleepsPastItsTimeout_isInterrupted_andTheAttemptFailsWithTimeout() {
        AtomicInteger interrupted = new AtomicInteger();
        ScriptedHandler sleepy = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return JsonDocument.empty();
        });
        run(4, sleepy);
        long began = System.nanoTime();

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).map(RunError::code).contains("TIMEOUT");
        assertThat(failed.error()).map(RunError::message).hasValueSatisfying(message -> assertThat(message).contains("interrupted"));
        assertThat(failed.attempt()).as("TIMEOUT is retried like any other failure").isEqualTo(3);
        assertThat(sleepy.calls()).isEqualTo(3);
        await("each timed-out handler thread to see its interruption", () -> interrupted.get() == 3);
        assertThat(tookMillis).as("three 300 ms timeouts, not three 10 s sleeps").isLessThan(9_000);
        assertThat(executor.abandonedHandlers()).as("an interrupted handler that stops is not abandoned").isZero();
        InstallationView installation = installationOf("probe");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).hasValueSatisfying(error -> assertThat(error).startsWith("TIMEOUT: "));
    }

    /**
     * A handler that ignores interruption fails its run with TIMEOUT, and its live thread keeps
     * its slot until it really ends: concurrency counts live threads. Other runs use the other slot.
     */
    @Test
    void handlerIgnoresInterruption_runFailsWithTimeout_andOtherRunsStillExecuteMeanwhile() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        AtomicBoolean exited = new AtomicBoolean();
        CountDownLatch entered = new CountDownLatch(1);
        ScriptedHandler hanging = handler("hang", ONE_ATTEMPT, (input, settings, context) -> {
            entered.countDown();
            while (!release.get()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ignored) {
                    sawInterrupt.set(true); // and carries on regardless
                }
            }
            exited.set(true);
            return JsonDocument.empty();
        });
        ScriptedHandler quick = handler("quick", FAST_RETRIES, (input, settings, context) -> JsonDocument.of(Map.of("ok", true)));
        run(2, hanging, quick);
        try {
            PluginRun hang = start(plugboard, ALICE, "hang", NO_INPUT);
            assertThat(executor.poll()).isEqualTo(1);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            List<PluginRun> meanwhile = List.of(start(plugboard, ALICE, "quick", NO_INPUT),
                    start(plugboard, ALICE, "quick", NO_INPUT), start(plugboard, ALICE, "quick", NO_INPUT));
            await("the quick runs to complete beside the hanging one", () -> {
                executor.poll();
                return meanwhile.stream().allMatch(run -> stored(plugboard, run).status() == RunStatus.COMPLETED);
            });
            assertThat(exited).as("the hanging handler was still running").isFalse();

            await("the hanging run to time out", () -> stored(plugboard, hang).status() == RunStatus.FAILED);
            PluginRun timedOut = stored(plugboard, hang);
            assertThat(timedOut.error()).map(RunError::code).contains("TIMEOUT");
            assertThat(timedOut.attempt()).isEqualTo(1);
            await("the hanging handler to be interrupted", sawInterrupt::get);
            assertThat(exited).as("the handler ignores interruption and spins on").isFalse();
            assertThat(executor.abandonedHandlers()).isEqualTo(1);
            assertThat(executor.inFlight()).as("the abandoned thread still holds its slot").isEqualTo(1);

            List<PluginRun> after = settle(plugboard, executor, List.of(
                    start(plugboard, ALICE, "quick", NO_INPUT), start(plugboard, ALICE, "quick", NO_INPUT)));
            assertThat(after).extracting(PluginRun::status).containsOnly(RunStatus.COMPLETED);
            assertThat(exited).isFalse();
            assertThat(hanging.calls()).isEqualTo(1);
            assertThat(quick.calls()).isEqualTo(5);
            assertThat(installationOf("hang").lastError()).hasValueSatisfying(error -> assertThat(error).startsWith("TIMEOUT: "));
            assertThat(installationOf("quick").executionCount()).isEqualTo(5);
        } finally {
            release.set(true);
        }
        await("the hanging handler to end once released", exited::get);
        await("the ended thread to give its slot back", () -> executor.inFlight() == 0 && executor.abandonedHandlers() == 0);
    }

    @Test
    void handlerFailsOnceThenSucceeds_runIsRetriedAndCompletesOnTheSecondAttempt() {
        ScriptedHandler flaky = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            if (context.attempt() == 1) {
                throw new RuntimeException("connection reset");
            }
            return JsonDocument.of(Map.of("attempt", context.attempt()));
        });
        run(4, flaky);
        PluginRun queued = start(plugboard, ALICE, "probe", NO_INPUT);

        assertThat(executor.poll()).isEqualTo(1);
        await("the first attempt to be recorded as a retry", () -> stored(plugboard, queued).attempt() == 1
                && stored(plugboard, queued).status() == RunStatus.PENDING && executor.inFlight() == 0);
        PluginRun waiting = stored(plugboard, queued);
        assertThat(waiting.error()).contains(new RunError("HANDLER_ERROR", "RuntimeException: connection reset"));
        assertThat(waiting.availableAt()).as("zero backoff").isEqualTo(rig.clock.now());
        assertThat(waiting.lease()).isEmpty();
        assertThat(installationOf("probe").lastError()).contains("HANDLER_ERROR: RuntimeException: connection reset");

        PluginRun done = settle(plugboard, executor, queued);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.error()).isEmpty();
        assertThat(done.output()).contains(JsonDocument.of(Map.of("attempt", 2)));
        assertThat(flaky.calls()).isEqualTo(2);
        InstallationView installation = installationOf("probe");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).isEmpty();
        Circuit circuit = circuitOf("probe");
        assertThat(circuit.failures()).isEqualTo(1);
        assertThat(circuit.successes()).isEqualTo(1);
        assertThat(circuit.consecutiveFailures()).isZero();
    }

    @Test
    void handlerAlwaysFails_runFailsAfterMaxAttempts_withTheLastError() {
        ScriptedHandler down = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            throw new PluginFailure("UPSTREAM_DOWN", "upstream answered 503 on attempt " + context.attempt(), true);
        });
        run(4, down);

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertFailed(failed, "UPSTREAM_DOWN", "upstream answered 503 on attempt 3", 3);
        assertThat(failed.attempt()).isEqualTo(FAST_RETRIES.retry().maxAttempts());
        assertThat(down.calls()).isEqualTo(3);
        InstallationView installation = installationOf("probe");
        assertThat(installation.executionCount()).isEqualTo(1);
        assertThat(installation.lastError()).contains("UPSTREAM_DOWN: upstream answered 503 on attempt 3");
    }

    @Test
    void failureWithACodeTheManifestNeverRetries_endsTheRunAfterOneAttempt() {
        ScriptedHandler fatal = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            throw new PluginFailure("FATAL", "the API key was revoked", true);
        });
        run(4, fatal);

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertFailed(failed, "FATAL", "the API key was revoked", 1);
        assertThat(fatal.calls()).isEqualTo(1);
        assertThat(installationOf("probe").executionCount()).isEqualTo(1);
        assertThat(installationOf("probe").lastError()).contains("FATAL: the API key was revoked");
    }

    @Test
    void failureMarkedNotRetryable_endsTheRunAfterOneAttempt_whateverAttemptsRemain() {
        ScriptedHandler refusing = handler("probe", FAST_RETRIES, (input, settings, context) -> {
            throw new PluginFailure("BAD_REQUEST", "the message has no recipient", false);
        });
        run(4, refusing);

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertFailed(failed, "BAD_REQUEST", "the message has no recipient", 1);
        assertThat(refusing.calls()).isEqualTo(1);
        assertThat(installationOf("probe").executionCount()).isEqualTo(1);
        assertThat(installationOf("probe").lastError()).contains("BAD_REQUEST: the message has no recipient");
    }

    @Test
    void outputBreakingTheOutputSchema_failsTheRunWithOutputInvalid_withoutRetrying() {
        PluginManifest typed = manifest("probe", FAST_RETRIES).toBuilder()
                .outputSchema(JsonDocument.parse("""
                        {"type": "object", "required": ["total"], "properties": {"total": {"type": "integer"}}}"""))
                .build();
        ScriptedHandler sloppy = new ScriptedHandler(typed, (input, settings, context) ->
                input.has("good") ? JsonDocument.of(Map.of("total", 3)) : JsonDocument.of(Map.of("total", "many")));
        run(4, sloppy);

        PluginRun failed = settle(plugboard, executor, start(plugboard, ALICE, "probe", NO_INPUT));

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).map(RunError::code).contains("OUTPUT_INVALID");
        assertThat(failed.error()).map(RunError::message).hasValueSatisfying(message -> assertThat(message)
                .startsWith("the handler's output breaks its output schema: ").contains("/total"));
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.output()).as("an invalid output is not stored as the run's output").isEmpty();
        assertThat(sloppy.calls()).isEqualTo(1);
        assertThat(installationOf("probe").lastError()).hasValueSatisfying(error -> assertThat(error).startsWith("OUTPUT_INVALID: "));

        PluginRun good = settle(plugboard, executor, start(plugboard, ALICE, "probe", JsonDocument.parse("{\"good\": true}")));
        assertThat(good.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(good.output()).contains(JsonDocument.of(Map.of("total", 3)));
    }
}
