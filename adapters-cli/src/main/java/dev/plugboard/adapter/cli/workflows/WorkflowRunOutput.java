package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.domain.workflow.StepRun;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How workflow runs are shown: the REST API's field names for scripts, tables for people. */
final class WorkflowRunOutput {

    private WorkflowRunOutput() {
    }

    static Map<String, Object> json(WorkflowRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("workflowId", run.workflowId());
        json.put("workflow", run.slug());
        json.put("owner", run.owner().toString());
        json.put("workflowVersion", run.workflowVersion());
        json.put("triggeredBy", run.triggeredBy());
        json.put("triggerType", run.triggerType().wireName());
        json.put("triggerData", run.triggerData());
        json.put("test", run.test());
        json.put("status", run.status().wireName());
        json.put("output", run.output());
        json.put("error", run.error());
        json.put("failedStepOrder", run.failedStepOrder());
        json.put("createdAt", Json.time(run.createdAt()));
        json.put("startedAt", Json.time(run.startedAt()));
        json.put("completedAt", Json.time(run.completedAt()));
        json.put("durationMillis", run.duration().map(Duration::toMillis).orElse(null));
        json.put("stepRuns", run.stepRuns().stream().map(WorkflowRunOutput::json).toList());
        return json;
    }

    static Map<String, Object> json(StepRun step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stepOrder", step.stepOrder());
        json.put("status", step.status().wireName());
        json.put("conditionValue", step.conditionValue());
        json.put("input", step.input());
        json.put("output", step.output());
        json.put("error", step.error());
        json.put("attempt", step.attempt());
        json.put("pluginRunId", step.pluginRunId());
        json.put("startedAt", Json.time(step.startedAt()));
        json.put("completedAt", Json.time(step.completedAt()));
        return json;
    }

    /** One run in the chosen format: the detail page, JSON, or YAML with the JSON's fields. */
    static void print(WorkflowRun run, OutputOption.Format format, PrintWriter out) {
        switch (format) {
            case JSON -> Json.print(out, json(run));
            case YAML -> out.print(WorkflowOutput.yaml(json(run)));
            default -> describe(run, out);
        }
    }

    /** Runs in the chosen format: a table, a JSON array, or a YAML list. */
    static void print(List<WorkflowRun> runs, OutputOption.Format format, PrintWriter out) {
        switch (format) {
            case JSON -> Json.print(out, runs.stream().map(WorkflowRunOutput::json).toList());
            case YAML -> out.print(WorkflowOutput.yaml(runs.stream().map(WorkflowRunOutput::json).toList()));
            default -> {
                if (runs.isEmpty()) {
                    out.println("No workflow runs.");
                } else {
                    table(runs, out);
                }
            }
        }
    }

    static void table(List<WorkflowRun> runs, PrintWriter out) {
        Table table = new Table("ID", "STATUS", "TRIGGER", "VERSION", "STEPS", "CREATED", "DURATION", "ERROR");
        runs.forEach(run -> table.row(run.id(), run.status().wireName(), run.triggeredBy(), run.workflowVersion(),
                ended(run) + "/" + run.stepRuns().size(), run.createdAt(), run.duration().map(WorkflowRunOutput::seconds),
                run.error()));
        table.print(out);
    }

    static void describe(WorkflowRun run, PrintWriter out) {
        new Table("Workflow run:", run.id())
                .row("Workflow:", run.slug() + " (version " + run.workflowVersion() + ")")
                .row("Owner:", run.owner())
                .row("Status:", run.status().wireName() + (run.test() ? " (test run)" : ""))
                .row("Triggered by:", run.triggeredBy() + " (" + run.triggerType().wireName() + ")")
                .row("Trigger data:", Json.compact(run.triggerData()))
                .row("Created:", run.createdAt())
                .row("Started:", run.startedAt())
                .row("Completed:", run.completedAt())
                .row("Duration:", run.duration().map(WorkflowRunOutput::seconds))
                .row("Failed step:", run.failedStepOrder())
                .row("Error:", run.error())
                .row("Output:", run.output() == null ? null : Json.compact(run.output()))
                .print(out);
        out.println("Steps:");
        Table steps = new Table("ORDER", "NAME", "PLUGIN", "STATUS", "ATTEMPT", "PLUGIN RUN", "OUTPUT / ERROR");
        run.stepRuns().forEach(step -> steps.row(step.stepOrder(), step(run, step).flatMap(WorkflowStep::name),
                step(run, step).map(s -> s.plugin().value()), status(step), step.attempt(), step.pluginRunId(),
                step.error() != null ? step.error() : step.output() == null ? null : Json.compact(step.output())));
        steps.print(out);
    }

    /** One line for a step that has just ended, as {@code run --wait} prints them. */
    static String progress(WorkflowRun run, StepRun step) {
        String name = step(run, step).map(s -> s.plugin().value() + s.name().map(n -> " (" + n + ")").orElse(""))
                .orElse("?");
        String took = step.startedAt() == null || step.completedAt() == null ? ""
                : " in " + seconds(Duration.between(step.startedAt(), step.completedAt()));
        String detail = switch (step.status()) {
            case FAILED -> ": " + step.error();
            case SKIPPED -> ": condition was " + step.conditionValue();
            default -> "";
        };
        return "step " + step.stepOrder() + " " + name + ": " + step.status().wireName() + took + detail;
    }

    private static String status(StepRun step) {
        return step.status().wireName() + (step.conditionValue() == null ? "" : " (if: " + step.conditionValue() + ")");
    }

    private static java.util.Optional<WorkflowStep> step(WorkflowRun run, StepRun step) {
        return run.definition().step(step.stepOrder());
    }

    private static long ended(WorkflowRun run) {
        return run.stepRuns().stream().filter(step -> step.status().isFinal()).count();
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
