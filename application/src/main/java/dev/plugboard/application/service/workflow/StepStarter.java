package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one step of a workflow run: evaluates its condition (a false one skips the step),
 * resolves its input mapping and queues an ordinary plugin run for it (trigger {@code workflow_step},
 * the step's config merged over the installation's settings). The plugin run's idempotency key is
 * (workflow run, step, attempt), so that a step never starts twice, whatever crashes in between.
 */
final class StepStarter {

    private final StartRunUseCase starter;
    private final TemplateEngine templates;
    private final WorkflowSettings settings;

    StepStarter(StartRunUseCase starter, TemplateEngine templates, WorkflowSettings settings) {
        this.starter = starter;
        this.templates = templates;
        this.settings = settings;
    }

    /** What starting the step gave: the step run moved on, and an error when it could not start. */
    record Started(StepRun step, Optional<String> failure) {
    }

    Started start(WorkflowRun run, WorkflowStep step, Instant now) {
        StepRun current = run.stepRun(step.order());
        Map<String, Object> context = WorkflowContexts.forStep(run, step.order(), settings.env());
        Boolean conditionValue = null;
        Map<String, Object> input;
        try {
            if (step.condition().isPresent()) {
                conditionValue = templates.test(step.condition().get(), context);
                if (!conditionValue) {
                    return new Started(current.skipped(false, now), Optional.empty());
                }
            }
            Object rendered = templates.render(step.inputMapping().asMap(), context);
            if (!(rendered instanceof Map<?, ?>)) {
                return failed(current, "the input mapping did not produce a JSON object", now);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) rendered;
            input = map;
        } catch (DomainException e) {
            return failed(current.resolved(null, conditionValue, now), e.getMessage(), now);
        }
        StepRun resolved = current.resolved(input, conditionValue, now);
        try {
            PluginRun queued = starter.start(new StartRunCommand(caller(run), step.plugin(), JsonDocument.of(input),
                    RunTrigger.WORKFLOW_STEP, Optional.of(key(run, step, resolved.attempt())), step.config()));
            return new Started(resolved.queuedAs(queued.id().toString()), Optional.empty());
        } catch (DomainException refused) {
            return failed(resolved, refused.getMessage(), now);
        }
    }

    private static Started failed(StepRun step, String why, Instant now) {
        return new Started(step.failed(why, now), Optional.of(why));
    }

    /** The plugin run of a step acts for the workflow's owner, as the workflow. */
    static Caller caller(WorkflowRun run) {
        return new Caller(Actor.system(), run.owner(), Optional.empty());
    }

    static String key(WorkflowRun run, WorkflowStep step, int attempt) {
        return (run.test() ? "wftest:" : "wf:") + run.id() + ":" + step.order() + ":" + attempt;
    }
}
