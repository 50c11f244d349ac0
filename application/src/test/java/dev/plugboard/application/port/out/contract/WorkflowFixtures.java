package dev.plugboard.application.port.out.contract;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.OnError;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowScope;
import dev.plugboard.domain.workflow.WorkflowStatus;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Workflows for the storage contracts: every part of a definition filled in, so a round trip shows what is lost. */
final class WorkflowFixtures {

    private WorkflowFixtures() {
    }

    static WorkflowDefinition definition(String slug, TriggerType trigger) {
        WorkflowStep summarize = new WorkflowStep(0, Optional.of("summary"), PluginName.of("summarizer"),
                JsonDocument.parse("{\"text\": \"{{ trigger.data.text }}\", \"max\": 3}"),
                JsonDocument.parse("{\"model\": \"small\", \"temperature\": 0.5}"), Optional.empty(), OnError.RETRY, 2);
        WorkflowStep post = new WorkflowStep(1, Optional.empty(), PluginName.of("webhook"),
                JsonDocument.parse("{\"body\": \"{{ prev }}\"}"), JsonDocument.empty(),
                Optional.of("size(prev.summary) > 10"), OnError.CONTINUE, 0);
        return new WorkflowDefinition("Triage " + slug, slug, "Summarize and post", WorkflowScope.DEPARTMENT,
                Optional.of("sales"), trigger, JsonDocument.parse("{\"cron\": \"0 9 * * *\", \"limit\": 10}"),
                List.of(post, summarize), Optional.of(JsonDocument.parse("{\"result\": \"{{ steps.summary }}\"}")));
    }

    static Workflow workflow(Owner owner, String slug, Instant at) {
        return workflow(owner, slug, TriggerType.MANUAL, WorkflowStatus.DRAFT, true, at);
    }

    static Workflow workflow(Owner owner, String slug, TriggerType trigger, WorkflowStatus status, boolean enabled,
                             Instant at) {
        if (status == WorkflowStatus.PAUSED) {
            // A workflow is paused only after it was active.
            return workflow(owner, slug, trigger, WorkflowStatus.ACTIVE, enabled, at).moveTo(status, at);
        }
        return Workflow.create(UUID.randomUUID().toString(), owner, definition(slug, trigger), status, enabled, at);
    }
}
