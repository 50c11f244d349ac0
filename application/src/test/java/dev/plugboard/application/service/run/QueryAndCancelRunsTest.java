package dev.plugboard.application.service.run;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.CancelRunUseCase.CancelRunCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.IllegalRunTransitionException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunNotFoundException;
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

/** An owner reads, filters, pages and cancels their runs; another owner's runs do not exist for them. */
class QueryAndCancelRunsTest {

    private static final Caller ALICE = Caller.user("alice", null);
    private static final Owner ALICE_OWNER = Owner.user("alice");
    private static final Caller BOB = Caller.user("bob", null);
    private static final PluginName ANALYTICS = PluginName.of("analytics");
    private static final PluginName CHAT = PluginName.of("chat");

    private final TestClock clock = new TestClock();
    private final Plugboard plugboard = Plugboard.builder()
            .clock(clock)
            .manifest(TestPlugins.queued(TestPlugins.analytics()))
            .manifest(TestPlugins.queued(TestPlugins.chat()))
            .build();

    @BeforeEach
    void aliceAndBobHaveAnalyticsAndChat() {
        plugboard.syncCatalog();
        for (Caller caller : List.of(ALICE, BOB)) {
            for (PluginName plugin : List.of(ANALYTICS, CHAT)) {
                plugboard.installations().install(new InstallPluginCommand(caller, plugin, Optional.empty(), Optional.empty()));
            }
        }
    }

    private PluginRun start(Caller caller, PluginName plugin) {
        clock.advanceSeconds(1);
        return plugboard.runs().start(new StartRunCommand(caller, plugin, JsonDocument.empty(), RunTrigger.MANUAL, Optional.empty()));
    }

    private PluginRun cancel(Caller caller, RunId run) {
        clock.advanceSeconds(1);
        return plugboard.runs().cancel(new CancelRunCommand(caller, run));
    }

    private List<RunId> ids(RunFilter filter) {
        return plugboard.runs().list(ALICE_OWNER, filter, PageRequest.first()).items().stream().map(PluginRun::id).toList();
    }

    @Test
    void givenAnotherOwnersRun_get_throwsRunNotFoundAndListShowsNothingOfIt() {
        PluginRun bobs = start(BOB, ANALYTICS);

        assertThatThrownBy(() -> plugboard.runs().get(ALICE_OWNER, bobs.id()))
                .isInstanceOfSatisfying(RunNotFoundException.class, e -> {
                    assertThat(e.run()).isEqualTo(bobs.id());
                    assertThat(e.code()).isEqualTo("run_not_found");
                });
        assertThat(ids(RunFilter.ALL)).isEmpty();
    }

    @Test
    void givenUnknownRunId_get_throwsRunNotFound() {
        RunId unknown = RunId.of(UUID.randomUUID());

        assertThatThrownBy(() -> plugboard.runs().get(ALICE_OWNER, unknown))
                .isInstanceOfSatisfying(RunNotFoundException.class, e -> assertThat(e.run()).isEqualTo(unknown));
    }

    @Test
    void givenRunsOfSeveralPluginsAndStatuses_list_filtersByStatusAndPluginNewestFirst() {
        PluginRun a1 = start(ALICE, ANALYTICS);
        PluginRun c1 = start(ALICE, CHAT);
        PluginRun a2 = start(ALICE, ANALYTICS);
        PluginRun c2 = start(ALICE, CHAT);
        start(BOB, ANALYTICS);
        cancel(ALICE, a1.id());
        cancel(ALICE, c2.id());

        assertThat(ids(RunFilter.ALL)).containsExactly(c2.id(), a2.id(), c1.id(), a1.id());
        assertThat(ids(new RunFilter(Optional.of(RunStatus.CANCELLED), Optional.empty()))).containsExactly(c2.id(), a1.id());
        assertThat(ids(new RunFilter(Optional.of(RunStatus.PENDING), Optional.empty()))).containsExactly(a2.id(), c1.id());
        assertThat(ids(new RunFilter(Optional.empty(), Optional.of(ANALYTICS)))).containsExactly(a2.id(), a1.id());
        assertThat(ids(new RunFilter(Optional.of(RunStatus.PENDING), Optional.of(CHAT)))).containsExactly(c1.id());
        assertThat(ids(new RunFilter(Optional.of(RunStatus.COMPLETED), Optional.empty()))).isEmpty();
    }

    @Test
    void givenFiveRuns_listingTwoAtATime_returnsEachOnceNewestFirstAndEndsWithoutNext() {
        List<RunId> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(ALICE, i % 2 == 0 ? ANALYTICS : CHAT).id());
        }

        List<List<RunId>> pages = new ArrayList<>();
        Page<PluginRun> page = plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first(2));
        pages.add(page.items().stream().map(PluginRun::id).toList());
        while (page.next().isPresent()) {
            page = plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first(2).next(page.next().get()));
            pages.add(page.items().stream().map(PluginRun::id).toList());
        }

        assertThat(pages).containsExactly(
                List.of(started.get(4), started.get(3)),
                List.of(started.get(2), started.get(1)),
                List.of(started.get(0)));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void givenRunsCreatedInTheSameInstant_paging_stillReturnsEachOnce() {
        List<RunId> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(plugboard.runs().start(new StartRunCommand(ALICE, ANALYTICS, JsonDocument.empty(),
                    RunTrigger.MANUAL, Optional.empty())).id());
        }

        List<RunId> seen = new ArrayList<>();
        Page<PluginRun> page = plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first(2));
        page.items().forEach(run -> seen.add(run.id()));
        while (page.next().isPresent()) {
            page = plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first(2).next(page.next().get()));
            page.items().forEach(run -> seen.add(run.id()));
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(started);
    }

    @Test
    void givenCursorTheListDidNotHandOut_list_isRefusedNamingTheCursor() {
        assertThatThrownBy(() -> plugboard.runs().list(ALICE_OWNER, RunFilter.ALL, PageRequest.first(2).next("garbage!")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void givenPendingRun_cancel_movesItToCancelledAndAuditsIt() {
        PluginRun run = start(ALICE, ANALYTICS);

        PluginRun cancelled = cancel(ALICE, run.id());
        Instant at = clock.now();

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.completedAt()).contains(at);
        assertThat(cancelled.attempt()).isZero();
        assertThat(plugboard.runs().get(ALICE_OWNER, run.id())).isEqualTo(cancelled);
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.RUN_CANCELLED, "run:" + run.id(), AuditEntry.Outcome.SUCCESS);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.before().orElseThrow().at("/status")).contains("pending");
        assertThat(entry.after().orElseThrow().at("/status")).contains("cancelled");
    }

    @Test
    void givenCancelledRun_cancelAgain_isRefusedAsAnIllegalTransitionAndAudited() {
        PluginRun run = start(ALICE, ANALYTICS);
        PluginRun cancelled = cancel(ALICE, run.id());

        assertThatThrownBy(() -> cancel(ALICE, run.id()))
                .isInstanceOfSatisfying(IllegalRunTransitionException.class, e -> {
                    assertThat(e.run()).isEqualTo(run.id());
                    assertThat(e.from()).isEqualTo(RunStatus.CANCELLED);
                    assertThat(e.event()).isEqualTo(dev.plugboard.domain.run.RunEvent.CANCEL);
                });

        assertThat(plugboard.runs().get(ALICE_OWNER, run.id())).isEqualTo(cancelled);
        AuditEntry refused = AuditEntries.single(plugboard, AuditAction.RUN_CANCELLED, "run:" + run.id(), AuditEntry.Outcome.FAILURE);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.FAILURE);
        assertThat(refused.detail()).startsWith("illegal_run_transition: ");
    }

    @Test
    void givenAnotherOwnersRun_cancel_throwsRunNotFoundAndLeavesItPending() {
        PluginRun bobs = start(BOB, ANALYTICS);

        assertThatThrownBy(() -> cancel(ALICE, bobs.id()))
                .isInstanceOfSatisfying(RunNotFoundException.class, e -> assertThat(e.run()).isEqualTo(bobs.id()));

        assertThat(plugboard.runs().get(Owner.user("bob"), bobs.id()).status()).isEqualTo(RunStatus.PENDING);
    }
}
