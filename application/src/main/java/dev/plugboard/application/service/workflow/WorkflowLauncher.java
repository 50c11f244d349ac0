package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowRun;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Queues a workflow run, whoever triggers it (a person, the schedule, a webhook, an event): checks
 * the trigger data (size, the trigger's data schema) and the owner's runs per minute, stores the run
 * and audits its start. The engine starts it when the workflow's concurrency allows. Call inside a
 * transaction ({@link AuditTrail#perform}).
 */
final class WorkflowLauncher {

    private final WorkflowRunRepository runs;
    private final SettingsPolicy policy;
    private final WorkflowSettings settings;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final IdSource ids;

    WorkflowLauncher(WorkflowRunRepository runs, SettingsPolicy policy, WorkflowSettings settings, AuditTrail audit,
                     TimeSource clock, IdSource ids) {
        this.runs = runs;
        this.policy = policy;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    WorkflowRun launch(Actor actor, Workflow workflow, String triggeredBy, TriggerType type, Map<String, Object> data,
                       boolean test) {
        JsonDocument triggerData = JsonDocument.of(data == null ? Map.of() : data);
        int size = triggerData.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > settings.maxTriggerDataBytes()) {
            throw new InvalidValueException("triggerData", size + " bytes", "is larger than the "
                    + settings.maxTriggerDataBytes() + " bytes allowed (plugboard.workflows.max-trigger-data-bytes)");
        }
        requireDataSchema(workflow, triggerData);
        int recent = runs.countStartedSince(workflow.owner(), clock.now().minus(Duration.ofMinutes(1)));
        if (recent >= settings.runsPerMinute()) {
            throw WorkflowException.limit("runsPerMinute", settings.runsPerMinute(), workflow.owner() + " started "
                    + recent + " workflow runs in the last minute, the most allowed (plugboard.workflows.runs-per-minute); "
                    + "try again in a minute");
        }
        WorkflowRun run = runs.add(WorkflowRun.queue(ids.newId().toString(), workflow, triggeredBy, type,
                triggerData.asMap(), test, clock.now()));
        audit.success(actor, AuditAction.WORKFLOW_RUN_STARTED, "workflow-run:" + run.id(), null,
                JsonDocument.of(Map.of("workflow", workflow.slug(), "version", workflow.version(),
                        "triggeredBy", triggeredBy, "test", test)),
                workflow.slug() + " (" + type.wireName() + ")");
        return run;
    }

    @SuppressWarnings("unchecked")
    private void requireDataSchema(Workflow workflow, JsonDocument data) {
        Object schema = workflow.definition().triggerConfig().get("dataSchema").orElse(null);
        if (!(schema instanceof Map<?, ?> map)) {
            return;
        }
        List<Violation> violations = policy.violationsOf("workflow:" + workflow.id(), Long.toString(workflow.version()),
                "trigger-data", JsonDocument.of((Map<String, ?>) map), data);
        if (!violations.isEmpty()) {
            throw new InvalidWorkflowException(violations.stream().map(v -> new InvalidWorkflowException.Problem(null,
                    "/triggerData" + v.pointer(), "does not match the trigger's data schema: " + v.message())).toList());
        }
    }
}
