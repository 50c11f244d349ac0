package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.plugboard.application.port.out.contract.WorkflowFixtures.definition;
import static dev.plugboard.application.port.out.contract.WorkflowFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link WorkflowRepository} must do. */
public abstract class WorkflowRepositoryContract extends WorkflowStorageContract {

    private WorkflowRepository workflows() {
        return workflowStorage.workflows();
    }

    @Test
    void givenAddedWorkflow_findAndFindById_returnEveryFieldAtVersionOne() {
        Workflow added = workflows().add(workflow(ALICE, "triage", TriggerType.SCHEDULE, WorkflowStatus.ACTIVE, false, T0));

        Workflow found = workflows().find(ALICE, "triage").orElseThrow();

        assertThat(added.version()).isEqualTo(1);
        assertThat(found).isEqualTo(added);
        assertThat(found.definition()).isEqualTo(definition("triage", TriggerType.SCHEDULE));
        assertThat(found.definition().steps().get(0).inputMapping().asMap().get("max")).isInstanceOf(Long.class);
        assertThat(workflows().findById(added.id())).contains(added);
        assertThat(workflows().find(BOB, "triage")).isEmpty();
        assertThat(workflows().findById(UUID.randomUUID().toString())).isEmpty();
        assertThat(workflows().findById("not-a-uuid")).isEmpty();
    }

    @Test
    void givenSlugOfTheOwner_add_isRefusedButAnotherOwnerMayUseIt() {
        workflows().add(workflow(ALICE, "triage", T0));

        assertThatThrownBy(() -> workflows().add(workflow(ALICE, "triage", T0)))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("workflow_exists"));
        workflows().add(workflow(BOB, "triage", T0));
        workflows().add(workflow(ACME, "triage", T0));

        assertThat(workflows().find(BOB, "triage")).isPresent();
        assertThat(workflows().find(ACME, "triage")).isPresent();
    }

    @Test
    void givenWorkflowsOfSeveralOwners_all_returnsEachOfThemOnce() {
        Workflow alices = workflows().add(workflow(ALICE, "triage", T0));
        Workflow bobs = workflows().add(workflow(BOB, "triage", T0));
        Workflow acmes = workflows().add(workflow(ACME, "digest", T0));

        assertThat(workflows().all()).containsExactlyInAnyOrder(alices, bobs, acmes);
    }

    @Test
    void givenASecretReference_putSecretReference_keepsItApartFromTheVersionUntilForgotten() {
        Workflow added = workflows().add(workflow(ALICE, "hooked", TriggerType.WEBHOOK, WorkflowStatus.ACTIVE, true, T0));

        workflows().putSecretReference(added.id(), Optional.of("${env:HOOK_SECRET}"));

        assertThat(workflows().secretReference(added.id())).contains("${env:HOOK_SECRET}");
        assertThat(workflows().find(ALICE, "hooked").orElseThrow().version()).isEqualTo(1);
        workflows().putSecretReference(added.id(), Optional.empty());
        assertThat(workflows().secretReference(added.id())).isEmpty();
        assertThat(workflows().secretReference("not-a-uuid")).isEmpty();
    }

    @Test
    void givenRevisedWorkflow_update_incrementsTheVersionAndRefusesAStaleCopy() {
        Workflow added = workflows().add(workflow(ALICE, "triage", T0));
        Workflow revised = added.revise(definition("renamed", TriggerType.EVENT), at(5)).moveTo(WorkflowStatus.ACTIVE, at(5));

        Workflow updated = workflows().update(revised);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(workflows().find(ALICE, "renamed")).contains(updated);
        assertThat(workflows().find(ALICE, "triage")).isEmpty();
        assertThatThrownBy(() -> workflows().update(added.switchedOn(false, at(6))))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThatThrownBy(() -> workflows().update(new Workflow(updated.id(), BOB, updated.definition(), updated.status(),
                true, 0, Optional.empty(), Optional.empty(), updated.version(), T0, T0)))
                .isInstanceOf(ConcurrencyConflictException.class);
    }

    @Test
    void givenAnotherWorkflowsSlug_update_isRefused() {
        workflows().add(workflow(ALICE, "first", T0));
        Workflow second = workflows().add(workflow(ALICE, "second", T0));

        assertThatThrownBy(() -> workflows().update(second.revise(definition("first", TriggerType.MANUAL), at(1))))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("workflow_exists"));
        assertThat(workflows().find(ALICE, "second")).contains(second);
    }

    @Test
    void recordExecution_countsWithoutChangingTheVersion_andAnEditKeepsTheCounts() {
        Workflow added = workflows().add(workflow(ALICE, "triage", T0));

        workflows().recordExecution(added.id(), at(1), Optional.empty());
        workflows().recordExecution(added.id(), at(2), Optional.of("step 1 failed"));
        Workflow counted = workflows().find(ALICE, "triage").orElseThrow();
        Workflow edited = workflows().update(added.switchedOn(false, at(3)));

        assertThat(counted.executionCount()).isEqualTo(2);
        assertThat(counted.lastExecutedAt()).contains(at(2));
        assertThat(counted.lastError()).contains("step 1 failed");
        assertThat(counted.version()).isEqualTo(1);
        assertThat(edited.executionCount()).isEqualTo(2);
        assertThat(edited.lastError()).contains("step 1 failed");
        assertThat(edited.enabled()).isFalse();
    }

    @Test
    void givenSevenWorkflows_list_pagesThroughTheOwnersOnesBySlug() {
        List<String> slugs = List.of("g-seven", "a-one", "c-three", "b-two", "f-six", "e-five", "d-four");
        slugs.forEach(slug -> workflows().add(workflow(ALICE, slug, T0)));
        workflows().add(workflow(BOB, "a-bob", T0));

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            Page<Workflow> page = workflows().list(ALICE, request);
            pages++;
            page.items().forEach(workflow -> seen.add(workflow.slug()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("a-one", "b-two", "c-three", "d-four", "e-five", "f-six", "g-seven");
    }

    @Test
    void live_returnsOnlyActiveEnabledWorkflowsOfTheTriggerType() {
        Workflow live = workflows().add(workflow(ALICE, "live", TriggerType.SCHEDULE, WorkflowStatus.ACTIVE, true, T0));
        Workflow bobs = workflows().add(workflow(BOB, "bobs", TriggerType.SCHEDULE, WorkflowStatus.ACTIVE, true, T0));
        workflows().add(workflow(ALICE, "off", TriggerType.SCHEDULE, WorkflowStatus.ACTIVE, false, T0));
        workflows().add(workflow(ALICE, "draft", TriggerType.SCHEDULE, WorkflowStatus.DRAFT, true, T0));
        workflows().add(workflow(ALICE, "paused", TriggerType.SCHEDULE, WorkflowStatus.PAUSED, true, T0));
        Workflow event = workflows().add(workflow(ALICE, "event", TriggerType.EVENT, WorkflowStatus.ACTIVE, true, T0));

        assertThat(workflows().live(TriggerType.SCHEDULE)).extracting(Workflow::id)
                .containsExactlyInAnyOrder(live.id(), bobs.id());
        assertThat(workflows().live(ALICE, TriggerType.SCHEDULE)).extracting(Workflow::id).containsExactly(live.id());
        assertThat(workflows().live(ALICE, TriggerType.EVENT)).extracting(Workflow::id).containsExactly(event.id());
        assertThat(workflows().live(BOB, TriggerType.EVENT)).isEmpty();
        assertThat(workflows().live(TriggerType.WEBHOOK)).isEmpty();
    }

    @Test
    void delete_removesTheWorkflowWithItsRunsAndLedger_butRefusesAStaleCopy() {
        Workflow added = workflows().add(workflow(ALICE, "triage", T0));
        WorkflowRun run = workflowStorage.runs().add(WorkflowRun.queue(UUID.randomUUID().toString(), added, "alice",
                TriggerType.MANUAL, Map.of(), false, T0));
        workflowStorage.ledger().firstFire(added.id(), T0, T0);
        Workflow edited = workflows().update(added.switchedOn(false, at(1)));

        assertThatThrownBy(() -> workflows().delete(added)).isInstanceOf(ConcurrencyConflictException.class);
        workflows().delete(edited);

        assertThat(workflows().find(ALICE, "triage")).isEmpty();
        assertThat(workflowStorage.runs().find(ALICE, run.id())).isEmpty();
        assertThat(workflowStorage.ledger().lastFire(added.id())).isEmpty();
    }

    @Test
    void lock_insideATransaction_returnsNormally() {
        Workflow added = workflows().add(workflow(ALICE, "triage", T0));

        Workflow read = storage.transactions().inTransaction(() -> {
            workflows().lock(added.id());
            return workflows().findById(added.id()).orElseThrow();
        });

        assertThat(read).isEqualTo(added);
    }
}
