package dev.plugboard.domain.workflow;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowModelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static Map<String, Object> doc(String json) {
        return JsonDocument.parse(json).asMap();
    }

    private static final String VALID = """
            {"name": "Triage", "slug": "triage", "triggerType": "EVENT", "triggerConfig": {"eventType": "m"},
             "steps": [{"order": 1, "name": "b", "plugin": "notify", "condition": {"if": "prev != null"}, "onError": "retry"},
                       {"order": 0, "name": "a", "plugin": "summarizer", "inputMapping": {"text": "{{ trigger.data.text }}"}}]}""";

    @Test
    void readsTheSeedsFieldNames_sortsStepsByOrder_andRoundTripsThroughToJson() {
        WorkflowDocument.Parsed parsed = WorkflowDocument.read(doc(VALID));
        WorkflowDefinition definition = parsed.definition();
        assertThat(definition.steps()).extracting(WorkflowStep::order).containsExactly(0, 1);
        assertThat(definition.step(1).orElseThrow().onError()).isEqualTo(OnError.RETRY);
        assertThat(definition.step(1).orElseThrow().maxRetries()).as("retry without maxRetries").isEqualTo(3);
        assertThat(definition.scope()).isEqualTo(WorkflowScope.USER);
        assertThat(WorkflowDocument.read(definition.toJson()).definition()).isEqualTo(definition);
    }

    @Test
    void aDocumentBreakingAModelRuleIsA422ProblemWithItsPointer() {
        assertThatThrownBy(() -> WorkflowDocument.read(doc(VALID.replace("\"slug\": \"triage\"", "\"slug\": \"Tri age\""))))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("/slug")));
        assertThatThrownBy(() -> WorkflowDocument.read(doc(VALID.replace("\"order\": 1", "\"order\": 0"))))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("unique");
        assertThatThrownBy(() -> WorkflowDocument.read(doc(VALID.replace("\"onError\": \"retry\"", "\"onErorr\": \"retry\""))))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e -> assertThat(e.problems().get(0).field())
                        .isEqualTo("/steps/0/onErorr"));
        assertThatThrownBy(() -> WorkflowDocument.read(doc("""
                {"name": "Xy", "slug": "xx", "scope": "DEPARTMENT", "steps": [{"order": 0, "plugin": "pp"}]}""")))
                .isInstanceOf(InvalidWorkflowException.class).hasMessageContaining("department");
        assertThatThrownBy(() -> WorkflowDocument.read(doc(VALID.replace("\"notify\"", "\"n\""))))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e -> assertThat(e.problems().get(0).field())
                        .isEqualTo("/steps/0/plugin"));
    }

    @Test
    void statusMovesFollowTheLifecycle_andArchivedIsFinal() {
        Workflow draft = Workflow.create("00000000-0000-4000-8000-000000000001", Owner.user("alice"),
                WorkflowDocument.read(doc(VALID)).definition(), null, true, NOW);
        assertThat(draft.status()).isEqualTo(WorkflowStatus.DRAFT);
        assertThat(draft.isLive()).isFalse();
        Workflow active = draft.moveTo(WorkflowStatus.ACTIVE, NOW);
        assertThat(active.isLive()).isTrue();
        assertThat(active.switchedOn(false, NOW).isLive()).isFalse();
        assertThatThrownBy(() -> draft.moveTo(WorkflowStatus.PAUSED, NOW)).isInstanceOf(WorkflowException.class);
        Workflow archived = active.moveTo(WorkflowStatus.PAUSED, NOW).moveTo(WorkflowStatus.ARCHIVED, NOW);
        assertThatThrownBy(() -> archived.moveTo(WorkflowStatus.ACTIVE, NOW)).hasMessageContaining("stays archived");
        assertThatThrownBy(() -> archived.revise(archived.definition(), NOW)).hasMessageContaining("archived");
    }
}
