package dev.plugboard.adapter.console.workflow;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.StepRun;

import java.util.Map;

/** One step of a workflow run's timeline as the page shows it: status, resolved input, output and error. */
public record StepLine(int order, String status, String input, String output, String error, String condition) {

    @SuppressWarnings("unchecked")
    static StepLine from(StepRun step) {
        Object output = step.output();
        String shownOutput = output == null ? "" : output instanceof Map<?, ?> map
                ? JsonDocument.of((Map<String, ?>) map).toJson() : String.valueOf(output);
        return new StepLine(step.stepOrder(), step.status().name().toLowerCase(java.util.Locale.ROOT),
                step.input() == null ? "" : JsonDocument.of(step.input()).toJson(), shownOutput,
                step.error() == null ? "" : step.error(),
                step.conditionValue() == null ? "" : "condition " + step.conditionValue());
    }
}
