package dev.plugboard.adapter.console.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.StepPreview;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.TestReport;

import java.util.List;

/** One step of a test-mode report as the page shows it: would it run, with what input, or which error. */
public record TestLine(int order, String name, String plugin, boolean wouldRun, String condition, String input, String error) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static List<TestLine> of(TestReport report) {
        return report.steps().stream().map(TestLine::of).toList();
    }

    static TestLine of(StepPreview step) {
        return new TestLine(step.order(), step.name().orElse("step " + step.order()), step.plugin(), step.wouldRun(),
                step.conditionValue().map(value -> "condition is " + value).orElse(""),
                step.input().map(TestLine::json).orElse(""), step.error().orElse(""));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
