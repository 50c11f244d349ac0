package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.StepRunStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow run's step runs as the JSON array of {@code workflow_runs.step_runs}: one object per
 * step with the API's field names, timestamps as ISO-8601 text (to the nanosecond, as the domain
 * holds them), absent parts as JSON null.
 */
final class StepRunsJson {

    private StepRunsJson() {
    }

    static List<Map<String, Object>> write(List<StepRun> steps) {
        return steps.stream().map(StepRunsJson::write).toList();
    }

    private static Map<String, Object> write(StepRun step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stepOrder", step.stepOrder());
        json.put("status", step.status().wireName());
        json.put("input", step.input());
        json.put("output", step.output());
        json.put("error", step.error());
        json.put("conditionValue", step.conditionValue());
        json.put("attempt", step.attempt());
        json.put("pluginRunId", step.pluginRunId());
        json.put("startedAt", text(step.startedAt()));
        json.put("completedAt", text(step.completedAt()));
        json.put("retryAt", text(step.retryAt()));
        return json;
    }

    static List<StepRun> read(Object array) {
        if (!(array instanceof List<?> list)) {
            throw new IllegalStateException("stored step runs are not a JSON array");
        }
        return list.stream().map(element -> read((Map<?, ?>) element)).toList();
    }

    @SuppressWarnings("unchecked")
    private static StepRun read(Map<?, ?> json) {
        return new StepRun(((Number) json.get("stepOrder")).intValue(), StepRunStatus.fromWire((String) json.get("status")),
                (Map<String, Object>) json.get("input"), json.get("output"), (String) json.get("error"),
                (Boolean) json.get("conditionValue"), ((Number) json.get("attempt")).intValue(),
                (String) json.get("pluginRunId"), instant(json.get("startedAt")), instant(json.get("completedAt")),
                instant(json.get("retryAt")));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }
}
