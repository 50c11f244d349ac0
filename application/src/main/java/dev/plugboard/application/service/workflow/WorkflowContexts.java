package dev.plugboard.application.service.workflow;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.StepRunStatus;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a workflow's templates see: {@code trigger} (type, data, timestamp), {@code prev}
 * (the output of the last step that executed; {@code null} after a failure that continued),
 * {@code steps} (outputs by order, as text keys {@code "0"}, {@code "1"}, and by step name), {@code env}
 * (the allow-listed variables) and {@code ctx} (userId, organizationId, workflowId, runId).
 */
final class WorkflowContexts {

    private WorkflowContexts() {
    }

    /** The context for the step {@code next} of {@code run}, from the step runs that ended before it. */
    static Map<String, Object> forStep(WorkflowRun run, int next, Map<String, String> env) {
        Object prev = null;
        Map<String, Object> steps = new LinkedHashMap<>();
        for (StepRun step : run.stepRuns()) {
            if (step.stepOrder() >= next) {
                break;
            }
            if (step.status() == StepRunStatus.COMPLETED) {
                prev = step.output();
                put(steps, run, step.stepOrder(), step.output());
            } else if (step.status() == StepRunStatus.FAILED) {
                prev = null;
                put(steps, run, step.stepOrder(), null);
            }
        }
        return of(run.triggerType().wireName(), run.triggerData(), run.createdAt(), prev, steps, env,
                ctx(run.owner(), run.triggeredBy(), run.workflowId(), run.id()));
    }

    static Map<String, Object> of(String triggerType, Map<String, Object> data, Instant at, Object prev,
                                  Map<String, Object> steps, Map<String, String> env, Map<String, Object> ctx) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("type", triggerType);
        trigger.put("data", data);
        trigger.put("timestamp", at.toString());
        Map<String, Object> context = new HashMap<>();
        context.put("trigger", trigger);
        context.put("prev", prev);
        context.put("steps", steps);
        context.put("env", Map.copyOf(env));
        context.put("ctx", ctx);
        return context;
    }

    static Map<String, Object> ctx(Owner owner, String triggeredBy, String workflowId, String runId) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("userId", owner.kind() == Owner.Kind.USER ? owner.id() : userOf(triggeredBy));
        ctx.put("organizationId", owner.kind() == Owner.Kind.ORGANIZATION ? owner.id() : null);
        ctx.put("workflowId", workflowId);
        ctx.put("runId", runId);
        return ctx;
    }

    private static String userOf(String triggeredBy) {
        int colon = triggeredBy == null ? -1 : triggeredBy.indexOf(':');
        return colon > 0 && (triggeredBy.startsWith("manual:") || triggeredBy.startsWith("test:"))
                ? triggeredBy.substring(colon + 1) : null;
    }

    private static void put(Map<String, Object> steps, WorkflowRun run, int order, Object output) {
        steps.put(Integer.toString(order), output);
        run.definition().step(order).flatMap(WorkflowStep::name).ifPresent(name -> steps.put(name, output));
    }
}
