package dev.plugboard.domain.run;

import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static dev.plugboard.domain.run.RunFixtures.ID;
import static dev.plugboard.domain.run.RunFixtures.INPUT;
import static dev.plugboard.domain.run.RunFixtures.OUTPUT;
import static dev.plugboard.domain.run.RunFixtures.OWNER;
import static dev.plugboard.domain.run.RunFixtures.PLUGIN;
import static dev.plugboard.domain.run.RunFixtures.T0;
import static dev.plugboard.domain.run.RunFixtures.T1;
import static dev.plugboard.domain.run.RunFixtures.T2;
import static dev.plugboard.domain.run.RunFixtures.TIMEOUT;
import static dev.plugboard.domain.run.RunFixtures.in;
import static dev.plugboard.domain.run.RunFixtures.apply;
import static dev.plugboard.domain.run.RunFixtures.LEASE;
import static dev.plugboard.domain.run.RunFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginRunTest {

    // --- the lifecycle, through the aggregate's own operations -----------------------------------

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("dev.plugboard.domain.run.RunTransitionsTest#legalPairs")
    void givenRunInAStatus_operationTheTableAllows_movesItWhereTheTableSays(RunStatus from, RunEvent event, RunStatus to) {
        PluginRun run = in(from);

        PluginRun moved = apply(run, event);

        assertThat(moved.status()).isEqualTo(to);
        assertThat(moved.id()).isEqualTo(run.id());
        assertThat(moved.lease().isPresent()).as("only a claim leaves a lease").isEqualTo(event == RunEvent.CLAIM);
        assertThat(run.status()).as("the original is unchanged").isEqualTo(from);
    }

    @ParameterizedTest(name = "{0} + {1} refused")
    @MethodSource("dev.plugboard.domain.run.RunTransitionsTest#illegalPairs")
    void givenRunInAStatus_operationTheTableRefuses_throwsNamingRunStatusAndEvent(RunStatus from, RunEvent event, RunStatus none) {
        PluginRun run = in(from);

        assertThatThrownBy(() -> apply(run, event))
                .isInstanceOfSatisfying(IllegalRunTransitionException.class, e -> {
                    assertThat(e.run()).isEqualTo(ID);
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.event()).isEqualTo(event);
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.code()).isEqualTo("illegal_run_transition");
                });
    }

    @Test
    void givenNewRun_create_isPendingWithNoAttemptYet() {
        PluginRun run = PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.EVENT, INPUT, Optional.of("key-1"), T0);

        assertThat(run.status()).isEqualTo(RunStatus.PENDING);
        assertThat(run.attempt()).isZero();
        assertThat(run.owner()).isEqualTo(OWNER);
        assertThat(run.plugin()).isEqualTo(PLUGIN);
        assertThat(run.trigger()).isEqualTo(RunTrigger.EVENT);
        assertThat(run.input()).isEqualTo(INPUT);
        assertThat(run.idempotencyKey()).contains("key-1");
        assertThat(run.createdAt()).isEqualTo(T0);
        assertThat(run.startedAt()).isEmpty();
        assertThat(run.completedAt()).isEmpty();
        assertThat(run.output()).isEmpty();
        assertThat(run.error()).isEmpty();
        assertThat(run.version()).isZero();
    }

    @Test
    void givenIdempotencyKeyWithSurroundingSpace_create_stripsIt() {
        PluginRun run = PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, INPUT, Optional.of("  key-1 "), T0);

        assertThat(run.idempotencyKey()).contains("key-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenBlankIdempotencyKey_create_refusesIt(String key) {
        assertThatThrownBy(() -> PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, INPUT, Optional.of(key), T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("idempotency key");
                    assertThat(e.rule()).isEqualTo("must not be blank");
                });
    }

    @Test
    void givenIdempotencyKeyOf200Characters_create_acceptsIt() {
        String key = "k".repeat(200);

        assertThat(PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, INPUT, Optional.of(key), T0).idempotencyKey())
                .contains(key);
    }

    @Test
    void givenIdempotencyKeyOf201Characters_create_refusesItNamingTheLength() {
        assertThatThrownBy(() -> PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, INPUT, Optional.of("k".repeat(201)), T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("idempotency key");
                    assertThat(e.rule()).isEqualTo("must be 1 to 200 characters long (was 201)");
                });
    }

    @Test
    void givenMissingInput_create_refusesIt() {
        assertThatThrownBy(() -> PluginRun.create(ID, OWNER, PLUGIN, RunTrigger.MANUAL, null, Optional.empty(), T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("input");
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }

    // --- moves ---------------------------------------------------------------------------------------

    @Test
    void givenPendingRun_claim_movesToProcessingUnderTheLeaseAndCountsAttempt() {
        PluginRun started = pending().claim(LEASE, T1);

        assertThat(started.status()).isEqualTo(RunStatus.PROCESSING);
        assertThat(started.attempt()).isEqualTo(1);
        assertThat(started.startedAt()).contains(T1);
        assertThat(started.completedAt()).isEmpty();
    }

    @Test
    void givenRunRetriedLater_claim_countsTheSecondAttemptAndRestampsStartedAt() {
        PluginRun second = pending().claim(LEASE, T1).retryLater(TIMEOUT, T1).claim(LEASE, T2);

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.startedAt()).contains(T2);
        assertThat(second.error()).as("the last error is remembered until the run ends").contains(TIMEOUT);
    }

    @Test
    void givenProcessingRun_complete_setsOutputAndCompletedAtAndClearsError() {
        PluginRun completed = pending().claim(LEASE, T0).retryLater(TIMEOUT, T0).claim(LEASE, T1).complete(OUTPUT, T2);

        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completed.output()).contains(OUTPUT);
        assertThat(completed.completedAt()).contains(T2);
        assertThat(completed.error()).isEmpty();
        assertThat(completed.attempt()).isEqualTo(2);
    }

    @Test
    void givenProcessingRun_completeWithoutOutput_refusesIt() {
        PluginRun processing = pending().claim(LEASE, T1);

        assertThatThrownBy(() -> processing.complete(null, T2))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("output"));
    }

    @Test
    void givenProcessingRun_fail_setsErrorAndCompletedAt() {
        PluginRun failed = pending().claim(LEASE, T1).fail(TIMEOUT, T2);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains(TIMEOUT);
        assertThat(failed.completedAt()).contains(T2);
        assertThat(failed.attempt()).isEqualTo(1);
    }

    @Test
    void givenPendingRun_reject_failsItWithoutAnAttempt() {
        RunError circuitOpen = new RunError("PLUGIN_CIRCUIT_OPEN", "circuit open, retry after 30 s");

        PluginRun rejected = pending().reject(circuitOpen, T1);

        assertThat(rejected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(rejected.error()).contains(circuitOpen);
        assertThat(rejected.attempt()).isZero();
        assertThat(rejected.startedAt()).isEmpty();
        assertThat(rejected.completedAt()).contains(T1);
    }

    @Test
    void givenProcessingRun_retryLater_goesBackToPendingKeepingTheErrorAndTheAttemptCount() {
        PluginRun retrying = pending().claim(LEASE, T1).retryLater(TIMEOUT, T2);

        assertThat(retrying.status()).isEqualTo(RunStatus.PENDING);
        assertThat(retrying.error()).contains(TIMEOUT);
        assertThat(retrying.attempt()).isEqualTo(1);
        assertThat(retrying.completedAt()).isEmpty();
    }

    @Test
    void givenProcessingRun_retryLaterWithoutAnError_refusesIt() {
        PluginRun processing = pending().claim(LEASE, T1);

        assertThatThrownBy(() -> processing.retryLater(null, T2))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("error"));
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"PENDING", "PROCESSING"})
    void givenUnfinishedRun_cancel_endsItStampingCompletedAt(RunStatus status) {
        PluginRun cancelled = in(status).cancel(T2);

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.completedAt()).contains(T2);
        assertThat(cancelled.status().isTerminal()).isTrue();
    }

    // --- storage -------------------------------------------------------------------------------------

    @Test
    void givenStoredValues_reconstitute_restoresEveryField() {
        PluginRun run = PluginRun.reconstitute(ID, OWNER, PLUGIN, RunTrigger.SCHEDULE, RunStatus.FAILED, INPUT, null,
                TIMEOUT, 3, "key", T0, T1, T2, 7);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.attempt()).isEqualTo(3);
        assertThat(run.version()).isEqualTo(7);
        assertThat(run.error()).contains(TIMEOUT);
        assertThat(run.idempotencyKey()).contains("key");
        assertThat(run.startedAt()).contains(T1);
        assertThat(run.completedAt()).contains(T2);
        assertThat(run).hasToString("PluginRun[" + ID + " weather failed, attempt 3]");
    }

    @Test
    void givenNegativeAttemptOrVersion_reconstitute_refusesIt() {
        assertThatThrownBy(() -> PluginRun.reconstitute(ID, OWNER, PLUGIN, RunTrigger.MANUAL, RunStatus.PENDING, INPUT,
                null, null, -1, null, T0, null, null, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("attempt"));
        assertThatThrownBy(() -> PluginRun.reconstitute(ID, OWNER, PLUGIN, RunTrigger.MANUAL, RunStatus.PENDING, INPUT,
                null, null, 0, null, T0, null, null, -1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }
}
