package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.StepPreview;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.TestReport;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test mode without execution: walks the steps in order over the sample trigger data, evaluating
 * each condition and resolving each input as a run would, and stands in for each step's output with
 * a sample of its plugin's output schema ({@code null} when it declares none). Nothing is stored and
 * no plugin runs.
 */
final class TestMode {

    private final PluginRepository plugins;
    private final TemplateEngine templates;
    private final WorkflowSettings settings;

    TestMode(PluginRepository plugins, TemplateEngine templates, WorkflowSettings settings) {
        this.plugins = plugins;
        this.templates = templates;
        this.settings = settings;
    }

    TestReport preview(Workflow workflow, String triggeredBy, Map<String, Object> data, Instant now) {
        WorkflowRun run = WorkflowRun.queue("preview", workflow, triggeredBy, TriggerType.MANUAL, data, true, now);
        List<StepPreview> previews = new ArrayList<>();
        for (WorkflowStep step : workflow.definition().steps()) {
            Map<String, Object> context = WorkflowContexts.forStep(run, step.order(), settings.env());
            StepRun current = run.stepRun(step.order());
            Optional<Boolean> condition = Optional.empty();
            try {
                if (step.condition().isPresent()) {
                    condition = Optional.of(templates.test(step.condition().get(), context));
                    if (!condition.get()) {
                        previews.add(new StepPreview(step.order(), step.name(), step.plugin().value(), condition, false,
                                Optional.empty(), Optional.empty()));
                        run = run.with(current.skipped(false, now));
                        continue;
                    }
                }
                Object input = templates.render(step.inputMapping().asMap(), context);
                previews.add(new StepPreview(step.order(), step.name(), step.plugin().value(), condition, true,
                        Optional.ofNullable(input), Optional.empty()));
                run = run.with(current.completed(sampleOutput(step), now));
            } catch (DomainException e) {
                previews.add(new StepPreview(step.order(), step.name(), step.plugin().value(), condition, false,
                        Optional.empty(), Optional.of(e.getMessage())));
                run = run.with(current.failed(e.getMessage(), now));
            }
        }
        return new TestReport(previews, Optional.empty());
    }

    private Object sampleOutput(WorkflowStep step) {
        return plugins.find(step.plugin()).map(Plugin::manifest)
                .flatMap(manifest -> manifest.outputSchema())
                .flatMap(schema -> SchemaSamples.sample(schema.asMap())).orElse(null);
    }
}
