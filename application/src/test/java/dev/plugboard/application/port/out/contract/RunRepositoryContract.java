package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.RunFilter;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link dev.plugboard.application.port.out.RunRepository} must do. */
public abstract class RunRepositoryContract extends StorageContract {

    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final PluginName ANALYTICS = PluginName.of("analytics");

    @BeforeEach
    void installations() {
        installedWebhook(ALICE);
        installed(ALICE, TestPlugins.analytics(), JsonDocument.empty());
        installedWebhook(BOB);
    }

    private PluginRun added(Owner owner, PluginName plugin, Instant createdAt, String key) {
        return storage.runs().add(PluginRun.create(RunId.of(UUID.randomUUID()), owner, plugin, RunTrigger.MANUAL,
                JsonDocument.parse("{\"n\": 1, \"nested\": {\"list\": [1, \"two\", null, true]}}"),
                Optional.ofNullable(key), createdAt));
    }

    @Test
    void givenAddedRun_find_returnsItWithItsInputAtVersionZero() {
        PluginRun run = added(ALICE, WEBHOOK, T0, "key-1");

        PluginRun found = storage.runs().find(ALICE, run.id()).orElseThrow();

        assertThat(found.status()).isEqualTo(RunStatus.PENDING);
        assertThat(found.input()).isEqualTo(run.input());
        assertThat(found.trigger()).isEqualTo(RunTrigger.MANUAL);
        assertThat(found.idempotencyKey()).contains("key-1");
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.version()).isZero();
        assertThat(found.attempt()).isZero();
    }

    @Test
    void givenSettingsOverlay_itSurvivesAddAndUpdate_andOrdinaryRunsHaveNone() {
        JsonDocument overlay = JsonDocument.parse("{\"timeout\": 5, \"headers\": {\"x-step\": \"1\"}}");
        PluginRun run = storage.runs().add(PluginRun.create(RunId.of(UUID.randomUUID()), ALICE, WEBHOOK,
                RunTrigger.WORKFLOW_STEP, JsonDocument.empty(), Optional.empty(), T0).withSettingsOverlay(overlay));

        PluginRun added = storage.runs().find(ALICE, run.id()).orElseThrow();
        storage.runs().update(added.claim(new Lease("executor-1", at(1).plusSeconds(30)), at(1)));
        PluginRun claimed = storage.runs().find(ALICE, run.id()).orElseThrow();

        assertThat(added.settingsOverlay()).isEqualTo(overlay);
        assertThat(claimed.settingsOverlay()).isEqualTo(overlay);
        assertThat(claimed.settingsOverlay().asMap().get("timeout")).isInstanceOf(Long.class);
        assertThat(storage.runs().find(ALICE, added(ALICE, WEBHOOK, T0, null).id()).orElseThrow().settingsOverlay())
                .isEqualTo(JsonDocument.empty());
    }

    @Test
    void givenAnotherOwnersRun_find_isEmpty() {
        PluginRun run = added(ALICE, WEBHOOK, T0, null);

        assertThat(storage.runs().find(BOB, run.id())).isEmpty();
        assertThat(storage.runs().search(BOB, RunFilter.ALL, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void givenIdempotencyKey_findByIdempotencyKey_isScopedToTheOwner() {
        PluginRun run = added(ALICE, WEBHOOK, T0, "same-key");

        assertThat(storage.runs().findByIdempotencyKey(ALICE, "same-key")).map(PluginRun::id).contains(run.id());
        assertThat(storage.runs().findByIdempotencyKey(BOB, "same-key")).isEmpty();
        assertThat(storage.runs().findByIdempotencyKey(ALICE, "other-key")).isEmpty();
    }

    @Test
    void givenRunMovedThroughItsLifecycle_update_storesEachStateAndVersion() {
        PluginRun run = added(ALICE, WEBHOOK, T0, null);

        PluginRun started = storage.runs().update(run.claim(new Lease("executor-1", at(1).plusSeconds(30)), at(1)));
        PluginRun retried = storage.runs().update(started.retryLater(new RunError("UPSTREAM_DOWN", "503"), at(2)));
        PluginRun again = storage.runs().update(retried.claim(new Lease("executor-1", at(3).plusSeconds(30)), at(3)));
        PluginRun done = storage.runs().update(again.complete(JsonDocument.parse("{\"ok\": true}"), at(4)));

        PluginRun found = storage.runs().find(ALICE, run.id()).orElseThrow();
        assertThat(done.version()).isEqualTo(4);
        assertThat(found.version()).isEqualTo(4);
        assertThat(found.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(found.attempt()).isEqualTo(2);
        assertThat(found.output()).contains(JsonDocument.parse("{\"ok\": true}"));
        assertThat(found.error()).isEmpty();
        assertThat(found.startedAt()).contains(at(3));
        assertThat(found.completedAt()).contains(at(4));
    }

    @Test
    void givenRunsOfTwoOwnersEndingDifferently_updateAll_storesEachAsUpdateWouldAndClosesTheirAttempts() {
        Lease lease = new Lease("executor-1", at(1).plusSeconds(30));
        PluginRun alices = storage.runs().update(added(ALICE, WEBHOOK, T0, null).claim(lease, at(1)));
        PluginRun bobs = storage.runs().update(added(BOB, WEBHOOK, T0, null).claim(lease, at(1)));
        PluginRun retried = storage.runs().update(added(ALICE, ANALYTICS, T0, null).claim(lease, at(1)));

        List<PluginRun> updated = storage.transactions().inTransaction(() -> storage.runs().updateAll(List.of(
                alices.complete(JsonDocument.parse("{\"ok\": true}"), at(4)),
                bobs.fail(new RunError("BOOM", "it broke"), at(4)),
                retried.retryLater(new RunError("UPSTREAM_DOWN", "503"), at(9)))));

        assertThat(updated).extracting(PluginRun::version).containsExactly(2L, 2L, 2L);
        assertThat(storage.runs().find(ALICE, alices.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(storage.runs().find(BOB, bobs.id()).orElseThrow().error()).contains(new RunError("BOOM", "it broke"));
        assertThat(storage.runs().find(ALICE, retried.id()).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        assertThat(storage.runs().attempts(ALICE, alices.id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo("completed"));
        assertThat(storage.runs().attempts(BOB, bobs.id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.error()).isEqualTo(new RunError("BOOM", "it broke")));
        assertThat(storage.runs().attempts(ALICE, retried.id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo("failed"));
    }

    @Test
    void givenOneStaleRunAmongOthers_updateAll_failsWithConcurrencyErrorAndTheTransactionKeepsNone() {
        Lease lease = new Lease("executor-1", at(1).plusSeconds(30));
        PluginRun first = storage.runs().update(added(ALICE, WEBHOOK, T0, null).claim(lease, at(1)));
        PluginRun stale = storage.runs().update(added(ALICE, WEBHOOK, at(1), null).claim(lease, at(1)));
        storage.runs().update(stale.cancel(at(2)));

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> storage.runs().updateAll(List.of(
                first.complete(JsonDocument.empty(), at(3)), stale.complete(JsonDocument.empty(), at(3))))))
                .isInstanceOf(ConcurrencyConflictException.class);

        assertThat(storage.runs().find(ALICE, first.id()).orElseThrow().status()).isEqualTo(RunStatus.PROCESSING);
        assertThat(storage.runs().find(ALICE, stale.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void givenFailedRun_find_returnsTheErrorCodeAndMessage() {
        PluginRun run = added(ALICE, WEBHOOK, T0, null);
        storage.runs().update(run.reject(new RunError("PLUGIN_CIRCUIT_OPEN", "retry after 30 s"), at(1)));

        PluginRun found = storage.runs().find(ALICE, run.id()).orElseThrow();

        assertThat(found.status()).isEqualTo(RunStatus.FAILED);
        assertThat(found.error()).contains(new RunError("PLUGIN_CIRCUIT_OPEN", "retry after 30 s"));
    }

    @Test
    void givenStaleVersion_update_failsWithConcurrencyError() {
        PluginRun run = added(ALICE, WEBHOOK, T0, null);
        storage.runs().update(run.claim(new Lease("executor-1", at(1).plusSeconds(30)), at(1)));

        assertThatThrownBy(() -> storage.runs().update(run.cancel(at(2))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(storage.runs().find(ALICE, run.id()).orElseThrow().status()).isEqualTo(RunStatus.PROCESSING);
    }

    @Test
    void givenRuns_search_filtersByStatusAndPlugin() {
        PluginRun pending = added(ALICE, WEBHOOK, at(1), null);
        PluginRun analytics = added(ALICE, ANALYTICS, at(2), null);
        PluginRun cancelled = storage.runs().update(added(ALICE, WEBHOOK, at(3), null).cancel(at(4)));

        assertThat(ids(new RunFilter(Optional.of(RunStatus.PENDING), Optional.empty())))
                .containsExactly(analytics.id(), pending.id());
        assertThat(ids(new RunFilter(Optional.empty(), Optional.of(WEBHOOK)))).containsExactly(cancelled.id(), pending.id());
        assertThat(ids(new RunFilter(Optional.of(RunStatus.CANCELLED), Optional.of(WEBHOOK)))).containsExactly(cancelled.id());
    }

    @Test
    void givenManyRunsSomeAtTheSameInstant_search_pagesNewestFirstWithoutLosingOrRepeatingAny() {
        List<RunId> expectedNewestFirst = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            expectedNewestFirst.add(added(ALICE, WEBHOOK, at(i / 3), null).id());
        }
        List<RunId> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(4);
        while (true) {
            Page<PluginRun> page = storage.runs().search(ALICE, RunFilter.ALL, request);
            page.items().forEach(run -> seen.add(run.id()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(seen).hasSize(9).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedNewestFirst);
        List<Instant> times = seen.stream().map(id -> storage.runs().find(ALICE, id).orElseThrow().createdAt()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private List<RunId> ids(RunFilter filter) {
        return storage.runs().search(ALICE, filter, PageRequest.first()).items().stream().map(PluginRun::id).toList();
    }
}
