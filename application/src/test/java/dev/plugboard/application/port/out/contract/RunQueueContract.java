package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link RunQueue} must do: hand each available run to one claimer, oldest first, and find lost ones. */
public abstract class RunQueueContract extends ExecutionStorageContract {

    protected static final PluginName WEBHOOK = PluginName.of("webhook");
    protected static final PluginName ANALYTICS = PluginName.of("analytics");
    protected static final Set<PluginName> BOTH = Set.of(WEBHOOK, ANALYTICS);

    @BeforeEach
    void installations() {
        installedWebhook(ALICE);
        installed(ALICE, TestPlugins.analytics(), JsonDocument.empty());
        installedWebhook(ACME);
    }

    protected RunQueue queue() {
        return execution.queue();
    }

    protected PluginRun added(Owner owner, PluginName plugin, Instant createdAt) {
        return storage.runs().add(PluginRun.create(RunId.of(UUID.randomUUID()), owner, plugin, RunTrigger.EVENT,
                JsonDocument.parse("{\"n\": 1}"), Optional.empty(), createdAt));
    }

    protected static Lease lease(String holder, Instant until) {
        return new Lease(holder, until);
    }

    private static List<RunId> ids(List<PluginRun> runs) {
        return runs.stream().map(PluginRun::id).toList();
    }

    @Test
    void givenNewRun_itIsAvailableFromItsCreation_andHasNoLease() {
        PluginRun run = added(ALICE, WEBHOOK, at(1));

        PluginRun found = queue().find(run.id()).orElseThrow();

        assertThat(found.availableAt()).isEqualTo(at(1));
        assertThat(found.lease()).isEmpty();
    }

    @Test
    void claim_takesOnlyAvailablePendingRunsOfTheGivenPlugins_soonestAvailableFirst() {
        PluginRun second = added(ALICE, WEBHOOK, at(2));
        PluginRun first = added(ACME, WEBHOOK, at(1));
        PluginRun otherPlugin = added(ALICE, ANALYTICS, at(0));
        PluginRun notYetCreated = added(ALICE, WEBHOOK, at(10));
        PluginRun cancelled = storage.runs().update(added(ALICE, WEBHOOK, at(0)).cancel(at(1)));
        // Two runs waiting out a retry's backoff: one is due at 3 s, the other only at 20 s.
        PluginRun retryDue = retried(added(ALICE, WEBHOOK, at(0)), at(3));
        PluginRun retryLater = retried(added(ALICE, WEBHOOK, at(0)), at(20));

        List<PluginRun> claimed = storage.transactions().inTransaction(
                () -> queue().claim(Set.of(WEBHOOK), 10, lease("executor-1", at(35)), at(5)));

        assertThat(ids(claimed)).containsExactly(first.id(), second.id(), retryDue.id());
        for (RunId untouched : List.of(otherPlugin.id(), notYetCreated.id(), retryLater.id())) {
            assertThat(queue().find(untouched).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        }
        assertThat(queue().find(cancelled.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void claim_movesEachRunToProcessingUnderTheLease_startingItsNextAttempt() {
        PluginRun run = added(ALICE, WEBHOOK, at(1));
        PluginRun retry = retried(added(ACME, WEBHOOK, at(0)), at(2));

        List<PluginRun> claimed = storage.transactions().inTransaction(
                () -> queue().claim(Set.of(WEBHOOK), 10, lease("worker-7", at(40)), at(10)));

        assertThat(claimed).hasSize(2).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(RunStatus.PROCESSING);
            assertThat(c.lease()).contains(lease("worker-7", at(40)));
            assertThat(c.startedAt()).contains(at(10));
        });
        PluginRun stored = queue().find(run.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.PROCESSING);
        assertThat(stored.lease()).contains(lease("worker-7", at(40)));
        assertThat(stored.attempt()).isEqualTo(1);
        assertThat(stored.version()).isEqualTo(run.version() + 1);
        assertThat(stored.startedAt()).contains(at(10));
        assertThat(storage.runs().find(ALICE, run.id())).contains(stored);
        PluginRun storedRetry = queue().find(retry.id()).orElseThrow();
        assertThat(storedRetry.attempt()).isEqualTo(2);
        assertThat(storedRetry.availableAt()).isEqualTo(at(2));
        assertThat(claimed).contains(stored, storedRetry);
    }

    @Test
    void claim_takesAtMostMax_andTheNextClaimTakesTheNextOnes() {
        List<RunId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            oldestFirst.add(added(i % 2 == 0 ? ALICE : ACME, WEBHOOK, at(i)).id());
        }

        List<PluginRun> firstTwo = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 2, lease("a", at(60)), at(10)));
        List<PluginRun> nextTwo = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 2, lease("b", at(60)), at(10)));
        List<PluginRun> last = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 2, lease("c", at(60)), at(10)));
        List<PluginRun> none = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 2, lease("d", at(60)), at(10)));

        assertThat(ids(firstTwo)).containsExactlyElementsOf(oldestFirst.subList(0, 2));
        assertThat(ids(nextTwo)).containsExactlyElementsOf(oldestFirst.subList(2, 4));
        assertThat(ids(last)).containsExactly(oldestFirst.get(4));
        assertThat(none).isEmpty();
    }

    @Test
    void claim_withAPerOwnerLimit_skipsOwnersAtTheirLimit_countingRunsOtherClaimersHold_andServesTheOthers() {
        for (int i = 0; i < 4; i++) {
            added(ALICE, WEBHOOK, at(i));
        }
        PluginRun acmes = added(ACME, WEBHOOK, at(9));
        java.util.Map<PluginName, Integer> twoEach = java.util.Map.of(WEBHOOK, 2);
        List<PluginRun> byOther = storage.transactions().inTransaction(
                () -> queue().claim(Set.of(WEBHOOK), 1, lease("other-instance", at(60)), at(10), twoEach));

        List<PluginRun> claimed = storage.transactions().inTransaction(
                () -> queue().claim(Set.of(WEBHOOK), 10, lease("executor-1", at(60)), at(10), twoEach));
        List<PluginRun> again = storage.transactions().inTransaction(
                () -> queue().claim(Set.of(WEBHOOK), 10, lease("executor-2", at(60)), at(10), twoEach));

        assertThat(byOther).singleElement().satisfies(run -> assertThat(run.owner()).isEqualTo(ALICE));
        assertThat(claimed).extracting(PluginRun::owner).containsExactlyInAnyOrder(ALICE, ACME);
        assertThat(claimed).extracting(PluginRun::id).contains(acmes.id());
        assertThat(again).as("alice holds 2 runs, her limit; acme has none left").isEmpty();
    }

    @Test
    void unclaimedSince_findsPendingRunsOfThePluginAvailableBeforeTheCutoff_only() {
        PluginRun old = added(ALICE, WEBHOOK, at(1));
        PluginRun recent = added(ALICE, WEBHOOK, at(20));
        PluginRun otherPlugin = added(ALICE, ANALYTICS, at(1));
        PluginRun claimedOne = added(ACME, WEBHOOK, at(0));
        storage.transactions().inTransaction(() -> queue().claim(Set.of(WEBHOOK), 1, lease("executor-1", at(60)), at(5)));

        List<PluginRun> unclaimed = storage.transactions().inTransaction(() -> queue().unclaimedSince(WEBHOOK, at(10), 10));

        assertThat(ids(unclaimed)).containsExactly(old.id());
        assertThat(List.of(recent.id(), otherPlugin.id(), claimedOne.id())).doesNotContainAnyElementsOf(ids(unclaimed));
    }

    @Test
    void claim_ofNoPlugins_takesNothing() {
        PluginRun run = added(ALICE, WEBHOOK, at(1));

        assertThat(storage.transactions().inTransaction(() -> queue().claim(Set.of(), 10, lease("a", at(60)), at(10))))
                .isEmpty();
        assertThat(queue().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
    }

    @Test
    void givenClaimRolledBack_theRunsAreStillPending() {
        PluginRun run = added(ALICE, WEBHOOK, at(1));

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            assertThat(queue().claim(BOTH, 10, lease("a", at(60)), at(10))).hasSize(1);
            throw new IllegalStateException("the executor died before committing");
        })).isInstanceOf(IllegalStateException.class);

        PluginRun stored = queue().find(run.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.PENDING);
        assertThat(stored.attempt()).isZero();
        assertThat(stored.lease()).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> queue().claim(BOTH, 10, lease("b", at(60)), at(10))))
                .extracting(PluginRun::id).containsExactly(run.id());
    }

    @Test
    void twoClaimersAtOnce_takeDisjointSetsThatTogetherAreEveryRun() throws Exception {
        Set<RunId> all = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            all.add(added(i % 2 == 0 ? ALICE : ACME, i % 3 == 0 ? ANALYTICS : WEBHOOK, at(i % 7)).id());
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        try {
            Future<List<RunId>> one = claimers.submit(() -> claimUntilEmpty("claimer-1", start));
            Future<List<RunId>> two = claimers.submit(() -> claimUntilEmpty("claimer-2", start));
            List<RunId> byOne = one.get(60, TimeUnit.SECONDS);
            List<RunId> byTwo = two.get(60, TimeUnit.SECONDS);

            // One claimer may legitimately take everything (the in-memory queue serializes claims),
            // so compare as sets: AssertJ refuses doesNotContainAnyElementsOf with an empty list.
            assertThat(byOne).doesNotHaveDuplicates();
            assertThat(byTwo).doesNotHaveDuplicates();
            Set<RunId> overlap = new HashSet<>(byOne);
            overlap.retainAll(new HashSet<>(byTwo));
            assertThat(overlap).as("runs claimed by both").isEmpty();
            Set<RunId> union = new HashSet<>(byOne);
            union.addAll(byTwo);
            assertThat(union).isEqualTo(all);
            for (RunId id : byOne) {
                assertClaimedOnceBy(id, "claimer-1");
            }
            for (RunId id : byTwo) {
                assertClaimedOnceBy(id, "claimer-2");
            }
        } finally {
            claimers.shutdownNow();
        }
    }

    private List<RunId> claimUntilEmpty(String holder, CyclicBarrier start) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        List<RunId> claimed = new ArrayList<>();
        while (true) {
            List<PluginRun> batch = storage.transactions().inTransaction(
                    () -> queue().claim(BOTH, 7, lease(holder, at(600)), at(60)));
            if (batch.isEmpty()) {
                return claimed;
            }
            batch.forEach(run -> claimed.add(run.id()));
        }
    }

    private void assertClaimedOnceBy(RunId id, String holder) {
        PluginRun run = queue().find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.PROCESSING);
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(run.version()).isEqualTo(1);
        assertThat(run.lease()).map(Lease::holder).contains(holder);
    }

    @Test
    void givenLeaseRenewed_theNewExpiryIsStored_andAStaleCopyCannotOverwriteIt() {
        PluginRun run = added(ALICE, WEBHOOK, at(1));
        PluginRun held = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 1, lease("worker-1", at(30)), at(2))).get(0);

        PluginRun renewed = storage.runs().update(held.renewLease("worker-1", at(60), at(20)));

        assertThat(queue().find(run.id()).orElseThrow().lease()).contains(lease("worker-1", at(60)));
        assertThat(renewed.version()).isEqualTo(held.version() + 1);
        assertThatThrownBy(() -> storage.runs().update(held.renewLease("worker-1", at(90), at(21))))
                .isInstanceOf(ConcurrencyConflictException.class);
    }

    @Test
    void givenRunLeavesProcessing_itsLeaseIsCleared() {
        added(ALICE, WEBHOOK, at(1));
        added(ACME, WEBHOOK, at(2));
        List<PluginRun> held = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 2, lease("worker-1", at(30)), at(3)));

        PluginRun done = storage.runs().update(held.get(0).complete(JsonDocument.parse("{\"ok\": true}"), at(4)));
        PluginRun back = storage.runs().update(held.get(1).retryLater(new RunError("TIMEOUT", "took too long"), at(50)));

        assertThat(queue().find(done.id()).orElseThrow().lease()).isEmpty();
        PluginRun pending = queue().find(back.id()).orElseThrow();
        assertThat(pending.lease()).isEmpty();
        assertThat(pending.status()).isEqualTo(RunStatus.PENDING);
        assertThat(pending.availableAt()).isEqualTo(at(50));
        assertThat(pending.error()).contains(new RunError("TIMEOUT", "took too long"));
    }

    @Test
    void expiredLeases_areTheProcessingRunsWhoseLeaseEndedByNow() {
        added(ALICE, WEBHOOK, at(0));
        added(ACME, WEBHOOK, at(1));
        added(ALICE, ANALYTICS, at(2));
        List<PluginRun> early = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 2, lease("dies", at(30)), at(5)));
        List<PluginRun> late = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 1, lease("lives", at(90)), at(5)));
        PluginRun stillPending = added(ACME, WEBHOOK, at(3));

        assertThat(storage.transactions().inTransaction(() -> queue().expiredLeases(at(29), 10))).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> queue().expiredLeases(at(30), 10)))
                .extracting(PluginRun::id).containsExactlyInAnyOrderElementsOf(ids(early));
        assertThat(storage.transactions().inTransaction(() -> queue().expiredLeases(at(30), 1))).hasSize(1);
        assertThat(storage.transactions().inTransaction(() -> queue().expiredLeases(at(100), 10)))
                .extracting(PluginRun::id)
                .containsExactlyInAnyOrder(early.get(0).id(), early.get(1).id(), late.get(0).id())
                .doesNotContain(stillPending.id());
        assertThat(storage.transactions().inTransaction(() -> queue().expiredLeases(at(100), 10)))
                .allSatisfy(run -> assertThat(run.isLeaseExpiredAt(at(100))).isTrue());
    }

    @Test
    void givenExpiredRunReturnedToPending_itIsNoLongerExpired_andCanBeClaimedAgain() {
        PluginRun run = added(ALICE, WEBHOOK, at(0));
        storage.transactions().inTransaction(() -> queue().claim(BOTH, 1, lease("dies", at(30)), at(1)));

        storage.transactions().inTransaction(() -> queue().expiredLeases(at(31), 10).forEach(expired ->
                storage.runs().update(expired.retryLater(new RunError("LEASE_EXPIRED", "executor lost"), at(31)))));

        assertThat(storage.transactions().inTransaction(() -> queue().expiredLeases(at(31), 10))).isEmpty();
        List<PluginRun> again = storage.transactions().inTransaction(
                () -> queue().claim(BOTH, 10, lease("other", at(90)), at(32)));
        assertThat(again).singleElement().satisfies(claimed -> {
            assertThat(claimed.id()).isEqualTo(run.id());
            assertThat(claimed.attempt()).isEqualTo(2);
            assertThat(claimed.lease()).contains(lease("other", at(90)));
        });
    }

    @Test
    void find_returnsAnyOwnersRunById_andNothingForAnUnknownId() {
        PluginRun alices = added(ALICE, WEBHOOK, at(1));
        PluginRun acmes = added(ACME, WEBHOOK, at(1));

        assertThat(queue().find(alices.id())).map(PluginRun::owner).contains(ALICE);
        assertThat(queue().find(acmes.id())).map(PluginRun::owner).contains(ACME);
        assertThat(queue().find(RunId.of(UUID.randomUUID()))).isEmpty();
    }

    /** The run claimed once, failed, and waiting for a retry due at {@code due}. */
    protected PluginRun retried(PluginRun run, Instant due) {
        PluginRun held = storage.runs().update(run.claim(lease("earlier", due), run.createdAt()));
        return storage.runs().update(held.retryLater(new RunError("UPSTREAM_DOWN", "503"), due));
    }
}
