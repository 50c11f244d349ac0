package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.EventLog;
import dev.plugboard.domain.owner.Owner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link EventLog} must do: say yes once per owner and key. */
public abstract class EventLogContract extends ExecutionStorageContract {

    protected EventLog events() {
        return execution.events();
    }

    @Test
    void firstSighting_isTrueOnce_thenFalse() {
        assertThat(events().firstSighting(ALICE, "evt-1", "message.received", at(1))).isTrue();
        assertThat(events().firstSighting(ALICE, "evt-1", "message.received", at(2))).isFalse();
        assertThat(events().firstSighting(ALICE, "evt-1", "message.sent", at(3))).isFalse();
        assertThat(events().firstSighting(ALICE, "evt-2", "message.received", at(4))).isTrue();
    }

    @Test
    void theSameKey_isSeparatePerOwner() {
        assertThat(events().firstSighting(ALICE, "evt-1", "message.received", at(1))).isTrue();

        assertThat(events().firstSighting(BOB, "evt-1", "message.received", at(2))).isTrue();
        assertThat(events().firstSighting(ACME, "evt-1", "message.received", at(3))).isTrue();
        // A user and an organization of the same id are different owners.
        assertThat(events().firstSighting(Owner.user("acme"), "evt-1", "message.received", at(4))).isTrue();
        assertThat(events().firstSighting(ACME, "evt-1", "message.received", at(5))).isFalse();
    }

    @Test
    void givenSightingRolledBack_theKeyIsNotRemembered() {
        try {
            storage.transactions().inTransaction(() -> {
                assertThat(events().firstSighting(ALICE, "evt-1", "message.received", at(1))).isTrue();
                throw new IllegalStateException("the fan-out failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(events().firstSighting(ALICE, "evt-1", "message.received", at(2))).isTrue();
    }

    @Test
    void concurrentSightingsOfOneKey_exactlyOneIsFirst() throws Exception {
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return storage.transactions().inTransaction(
                            () -> events().firstSighting(BOB, "evt-race", "message.received", at(1)));
                }));
            }
            int firsts = 0;
            for (Future<Boolean> result : results) {
                firsts += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(firsts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
