package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CircuitRepository} must do: one breaker per owner and plugin, every field kept, decisions one at a time. */
public abstract class CircuitRepositoryContract extends ExecutionStorageContract {

    protected static final PluginName WEBHOOK = PluginName.of("webhook");
    protected static final PluginName ANALYTICS = PluginName.of("analytics");
    private static final CircuitPolicy POLICY_OF_3 = new CircuitPolicy(3, Duration.ofSeconds(30), 1);

    @BeforeEach
    void installations() {
        installedWebhook(ALICE);
        installed(ALICE, TestPlugins.analytics(), JsonDocument.empty());
        installedWebhook(BOB);
        installedWebhook(ACME);
    }

    protected CircuitRepository circuits() {
        return execution.circuits();
    }

    private Circuit locked(Owner owner, PluginName plugin, long at) {
        return storage.transactions().inTransaction(() -> circuits().lock(owner, plugin, at(at)));
    }

    private void saved(Circuit circuit) {
        storage.transactions().inTransaction(() -> circuits().save(circuit));
    }

    protected static void assertSameCircuit(Circuit actual, Circuit expected) {
        assertThat(actual.owner()).isEqualTo(expected.owner());
        assertThat(actual.plugin()).isEqualTo(expected.plugin());
        assertThat(actual.state()).isEqualTo(expected.state());
        assertThat(actual.consecutiveFailures()).isEqualTo(expected.consecutiveFailures());
        assertThat(actual.trialsInFlight()).isEqualTo(expected.trialsInFlight());
        assertThat(actual.openUntil()).isEqualTo(expected.openUntil());
        assertThat(actual.successes()).isEqualTo(expected.successes());
        assertThat(actual.failures()).isEqualTo(expected.failures());
        assertThat(actual.rejections()).isEqualTo(expected.rejections());
        assertThat(actual.lastFailureAt()).isEqualTo(expected.lastFailureAt());
        assertThat(actual.updatedAt()).isEqualTo(expected.updatedAt());
    }

    @Test
    void lock_ofAnUnknownCircuit_createsItClosedWithNothingCounted() {
        Circuit circuit = locked(ALICE, WEBHOOK, 5);

        assertSameCircuit(circuit, Circuit.closed(ALICE, WEBHOOK, at(5)));
        assertThat(circuits().findByOwner(ALICE)).singleElement()
                .satisfies(stored -> assertSameCircuit(stored, Circuit.closed(ALICE, WEBHOOK, at(5))));
    }

    @Test
    void givenNoCircuit_whenPeekedOrSucceededOnFastPath_thenNothingIsCreated() {
        boolean counted = storage.transactions().inTransaction(() -> circuits().recordSuccessesIfHealthy(ALICE, WEBHOOK, 1, at(3)));

        assertThat(counted).isFalse();
        assertThat(circuits().peek(ALICE, WEBHOOK)).isEmpty();
        assertThat(circuits().findByOwner(ALICE)).isEmpty();
    }

    @Test
    void givenAHealthyCircuit_whenASuccessIsCountedInOneWrite_thenItEqualsRecordSuccess() {
        Circuit healthy = locked(ALICE, WEBHOOK, 1);
        saved(healthy);

        boolean counted = storage.transactions().inTransaction(() -> circuits().recordSuccessesIfHealthy(ALICE, WEBHOOK, 1, at(7)));

        assertThat(counted).isTrue();
        assertThat(circuits().peek(ALICE, WEBHOOK)).hasValueSatisfying(
                stored -> assertSameCircuit(stored, healthy.recordSuccess(at(7))));
        assertThat(circuits().peek(BOB, WEBHOOK)).isEmpty();
    }

    @Test
    void givenAHealthyCircuit_whenSeveralSuccessesAreCountedInOneWrite_thenItEqualsAsManyRecordSuccess() {
        Circuit healthy = locked(ALICE, WEBHOOK, 1);
        saved(healthy);

        boolean counted = storage.transactions().inTransaction(() -> circuits().recordSuccessesIfHealthy(ALICE, WEBHOOK, 3, at(7)));

        assertThat(counted).isTrue();
        assertThat(circuits().peek(ALICE, WEBHOOK)).hasValueSatisfying(
                stored -> assertSameCircuit(stored, healthy.recordSuccess(at(7)).recordSuccess(at(7)).recordSuccess(at(7))));
    }

    @Test
    void givenAFailureStreak_whenASuccessIsOfferedToTheFastPath_thenItRefusesAndChangesNothing() {
        Circuit failing = locked(ALICE, WEBHOOK, 1).recordFailure(at(2), POLICY_OF_3);
        saved(failing);

        boolean counted = storage.transactions().inTransaction(() -> circuits().recordSuccessesIfHealthy(ALICE, WEBHOOK, 1, at(7)));

        assertThat(counted).isFalse();
        assertThat(circuits().peek(ALICE, WEBHOOK)).hasValueSatisfying(stored -> assertSameCircuit(stored, failing));
    }

    @Test
    void lock_ofAStoredCircuit_returnsItAsSaved() {
        saved(locked(ALICE, WEBHOOK, 1).recordFailure(at(2), POLICY_OF_3));

        Circuit again = locked(ALICE, WEBHOOK, 9);

        assertThat(again.consecutiveFailures()).isEqualTo(1);
        assertThat(again.failures()).isEqualTo(1);
        assertThat(again.updatedAt()).isEqualTo(at(2));
        assertThat(circuits().findByOwner(ALICE)).hasSize(1);
    }

    @Test
    void save_thenReload_roundTripsEveryField() {
        locked(ALICE, WEBHOOK, 0);
        Circuit open = Circuit.reconstitute(ALICE, WEBHOOK, CircuitState.OPEN, 3, 1, at(60), 7, 8, 9, at(5), at(6));
        Circuit halfOpen = Circuit.reconstitute(ACME, WEBHOOK, CircuitState.HALF_OPEN, 4, 2, null, 11, 12, 13, at(7), at(8));

        saved(open);
        saved(halfOpen);

        assertSameCircuit(locked(ALICE, WEBHOOK, 100), open);
        assertSameCircuit(locked(ACME, WEBHOOK, 100), halfOpen);
        assertThat(circuits().findByOwner(ACME)).singleElement().satisfies(c -> assertSameCircuit(c, halfOpen));
    }

    @Test
    void givenBreakerTripped_theStoredCircuitRejectsUntilTheCooldownEnds() {
        Circuit circuit = locked(BOB, WEBHOOK, 0);
        for (int i = 1; i <= 3; i++) {
            circuit = circuit.recordFailure(at(i), POLICY_OF_3);
        }
        saved(circuit);

        Circuit.Admission during = locked(BOB, WEBHOOK, 10).admit(at(10), POLICY_OF_3);
        Circuit.Admission after = locked(BOB, WEBHOOK, 40).admit(at(40), POLICY_OF_3);

        assertThat(during.admitted()).isFalse();
        assertThat(during.retryAfterSeconds()).isEqualTo(23);
        assertThat(after.admitted()).isTrue();
        assertThat(after.circuit().state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void findByOwner_isScopedToTheOwner_andOrderedByPluginName() {
        locked(ALICE, WEBHOOK, 1);
        locked(ALICE, ANALYTICS, 2);
        locked(ACME, WEBHOOK, 3);

        assertThat(circuits().findByOwner(ALICE)).extracting(Circuit::plugin).containsExactly(ANALYTICS, WEBHOOK);
        assertThat(circuits().findByOwner(ACME)).extracting(Circuit::plugin).containsExactly(WEBHOOK);
        assertThat(circuits().findByOwner(BOB)).isEmpty();
        assertThat(circuits().findByOwner(Owner.user("acme"))).isEmpty();
    }

    @Test
    void deleteIdle_forgetsOnlyClosedCircuitsWithoutAStreakUntouchedSinceTheCutoff() {
        locked(ALICE, WEBHOOK, 1);                                                   // idle: goes
        saved(locked(ALICE, ANALYTICS, 1).recordFailure(at(2), POLICY_OF_3));        // closed but failing: stays
        saved(locked(BOB, WEBHOOK, 1).forceOpen(at(2), Duration.ofSeconds(5)));      // open (even if expired): stays
        locked(ACME, WEBHOOK, 100);                                                  // touched recently: stays

        int deleted = storage.transactions().inTransaction(() -> circuits().deleteIdle(at(50)));

        assertThat(deleted).isEqualTo(1);
        assertThat(circuits().findByOwner(ALICE)).extracting(Circuit::plugin).containsExactly(ANALYTICS);
        assertThat(circuits().findByOwner(BOB)).hasSize(1);
        assertThat(circuits().findByOwner(ACME)).hasSize(1);
        assertThat(storage.transactions().inTransaction(() -> circuits().deleteIdle(at(50)))).isZero();
        // A forgotten circuit comes back closed on its next use.
        assertSameCircuit(locked(ALICE, WEBHOOK, 60), Circuit.closed(ALICE, WEBHOOK, at(60)));
    }

    @Test
    void concurrentDecisionsOnOneCircuit_happenOneAfterTheOther_soNoCountIsLost() throws Exception {
        int perThread = 15;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService executors = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = List.of(
                    executors.submit(() -> recordFailures(start, perThread)),
                    executors.submit(() -> recordFailures(start, perThread)));
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executors.shutdownNow();
        }

        Circuit circuit = circuits().findByOwner(ALICE).get(0);
        assertThat(circuit.failures()).isEqualTo(2L * perThread);
        assertThat(circuit.consecutiveFailures()).isEqualTo(2 * perThread);
        assertThat(circuits().findByOwner(ALICE)).hasSize(1);
    }

    private Void recordFailures(CyclicBarrier start, int times) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        CircuitPolicy never = new CircuitPolicy(1_000, Duration.ofSeconds(30), 1);
        for (int i = 0; i < times; i++) {
            storage.transactions().inTransaction(() -> {
                Circuit circuit = circuits().lock(ALICE, WEBHOOK, at(1));
                circuits().save(circuit.recordFailure(at(2), never));
            });
        }
        return null;
    }
}
