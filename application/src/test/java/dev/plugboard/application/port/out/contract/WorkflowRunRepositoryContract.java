package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.plugboard.application.port.out.contract.WorkflowFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link WorkflowRunRepository} must do. */
public abstract class WorkflowRunRepositoryContract extends WorkflowStorageContract {

    private Workflow triage;
    private Workflow other;

    private WorkflowRunRepository runs() {
        return workflowStorage.runs();
    }

    @BeforeEach
    void workflows() {
        triage = workflowStorage.workflows().add(workflow(ALICE, "triage", T0));
        other = workflowStorage.workflows().add(workflow(ALICE, "other", T0));
    }

    private WorkflowRun queued(Workflow workflow, java.time.Instant at) {
        return runs().add(WorkflowRun.queue(UUID.randomUUID().toString(), workflow, "alice", TriggerType.MANUAL,
                Map.of("text", "hello", "count", 3L), false, at));
    }

    @Test
    void givenRunWithStepRuns_findAfterUpdate_returnsEveryField() {
        WorkflowRun added = queued(triage, T0);
        StepRun first = added.stepRun(0).resolved(Map.of("text", "hello", "max", 3L, "nested", Map.of("ok", true)), null,
                at(1)).queuedAs(UUID.randomUUID().toString()).completed(Map.of("summary", "hi", "score", new BigDecimal("0.25")), at(2));
        StepRun second = added.stepRun(1).skipped(false, at(3));
        WorkflowRun ended = added.started(at(1)).with(first).with(second).completed(Map.of("result", List.of(1L, "two")), at(4));

        WorkflowRun updated = runs().update(ended, null);
        WorkflowRun found = runs().find(ALICE, added.id()).orElseThrow();

        assertThat(added.version()).isZero();
        assertThat(updated.version()).isEqualTo(1);
        assertThat(found).isEqualTo(updated);
        assertThat(found.stepRuns()).containsExactly(first, second);
        assertThat(found.definition()).isEqualTo(triage.definition());
        assertThat(found.triggerData().get("count")).isInstanceOf(Long.class);
        assertThat(found.duration()).contains(java.time.Duration.ofSeconds(3));
        assertThat(runs().find(BOB, added.id())).isEmpty();
        assertThat(runs().find(ALICE, "not-a-uuid")).isEmpty();
    }

    static Stream<Object> outputs() {
        return Stream.of("a summary", 42L, new BigDecimal("1.5"), true, Map.of("a", List.of(1L, Map.of())), List.of("x"));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void givenAnyJsonOutput_roundTrips(Object output) {
        WorkflowRun added = queued(triage, T0);

        runs().update(added.started(at(1)).completed(output, at(2)), null);

        assertThat(runs().find(ALICE, added.id()).orElseThrow().output()).isEqualTo(output);
    }

    @Test
    void givenNullOutput_roundTripsAsNull() {
        WorkflowRun added = queued(triage, T0);

        runs().update(added.started(at(1)).completed(null, at(2)), null);

        assertThat(runs().find(ALICE, added.id()).orElseThrow().output()).isNull();
    }

    @Test
    void givenStaleCopy_update_isRefused() {
        WorkflowRun added = queued(triage, T0);
        runs().update(added.started(at(1)), at(5));

        assertThatThrownBy(() -> runs().update(added.started(at(2)), at(5))).isInstanceOf(ConcurrencyConflictException.class);
        assertThat(runs().find(ALICE, added.id()).orElseThrow().startedAt()).isEqualTo(at(1));
    }

    @Test
    void claimDue_takesTheSoonestDueUnfinishedRun_andIgnoresFinalAndLaterOnes() {
        WorkflowRun later = queued(triage, T0);
        WorkflowRun sooner = queued(triage, T0);
        WorkflowRun done = queued(triage, T0);
        runs().update(later.started(at(1)), at(20));
        runs().update(sooner.started(at(1)), at(10));
        runs().update(done.started(at(1)).failed("boom", 0, at(2)), at(5));

        assertThat(runs().claimDue(at(9))).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> runs().claimDue(at(15))))
                .map(WorkflowRun::id).contains(sooner.id());
        assertThat(runs().claimDue(at(30))).map(WorkflowRun::id).contains(sooner.id());
    }

    @Test
    void givenRunsDueAtTheSameTime_claimDue_takesTheOldestFirst_soQueuedRunsStartInOrder() {
        WorkflowRun newer = queued(triage, at(2));
        WorkflowRun older = queued(triage, at(1));
        runs().update(newer, at(5));
        runs().update(older, at(5));

        assertThat(runs().claimDue(at(6))).map(WorkflowRun::id).contains(older.id());
    }

    @Test
    void givenNewRun_claimDue_findsItAtOnce() {
        WorkflowRun added = queued(triage, at(3));

        assertThat(runs().claimDue(at(2))).isEmpty();
        assertThat(runs().claimDue(at(3))).map(WorkflowRun::id).contains(added.id());
    }

    @Test
    void countRunning_andCountStartedSince_countPerWorkflowAndPerOwner() {
        WorkflowRun a = queued(triage, at(1));
        WorkflowRun b = queued(triage, at(2));
        queued(triage, at(3));
        WorkflowRun c = queued(other, at(4));
        runs().update(a.started(at(5)), at(6));
        runs().update(b.started(at(5)).completed("ok", at(6)), null);
        runs().update(c.started(at(5)), at(6));
        Workflow bobs = workflowStorage.workflows().add(workflow(BOB, "triage", T0));
        queued(bobs, at(4));

        assertThat(runs().countRunning(triage.id())).isEqualTo(1);
        assertThat(runs().countRunning(other.id())).isEqualTo(1);
        assertThat(runs().countStartedSince(ALICE, at(2))).isEqualTo(3);
        assertThat(runs().countStartedSince(ALICE, T0)).isEqualTo(4);
        assertThat(runs().countStartedSince(BOB, T0)).isEqualTo(1);
        assertThat(runs().countStartedSince(ACME, T0)).isZero();
    }

    @Test
    void list_pagesNewestFirst_withinTheWorkflowAndOwner_tiesBrokenById() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(queued(triage, at(i)).id());
        }
        String[] tied = {queued(triage, at(5)).id(), queued(triage, at(5)).id()};
        Arrays.sort(tied);
        expected.add(tied[0]);
        expected.add(tied[1]);
        queued(other, at(9));
        List<String> newestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(newestFirst);

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<WorkflowRun> page = runs().list(ALICE, triage.id(), request);
            page.items().forEach(run -> seen.add(run.id()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(runs().list(BOB, triage.id(), PageRequest.first()).items()).isEmpty();
        assertThat(runs().list(ALICE, "not-a-uuid", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void givenOrganizationOwner_runIsFoundOnlyThroughIt() {
        Workflow acme = workflowStorage.workflows().add(workflow(ACME, "triage", T0));
        WorkflowRun run = queued(acme, T0);

        assertThat(runs().find(ACME, run.id())).map(WorkflowRun::owner).contains(ACME);
        assertThat(runs().find(Owner.user("acme"), run.id())).isEmpty();
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.QUEUED);
    }
}
