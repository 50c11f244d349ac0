package dev.plugboard.adapter.cli.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.WorkflowDetails;
import dev.plugboard.domain.workflow.OnError;
import dev.plugboard.domain.workflow.Workflow;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How workflows are shown. The JSON and YAML forms are the document {@code -f} reads (the seed's
 * field names), so {@code show -o yaml} can be edited and sent back with {@code update -f}. Only
 * workflows from the use cases reach this class, whose trigger secrets already read {@code (set)}.
 */
final class WorkflowOutput {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Quotes only where YAML needs them ({{ templates }}, yes/no) and long text on one line: a file for people.
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR).build();

    private WorkflowOutput() {
    }

    /** The document form: what a workflow file in git holds. */
    static Map<String, Object> document(Workflow workflow) {
        Map<String, Object> json = new LinkedHashMap<>(workflow.definition().toJson());
        json.put("status", workflow.status().wireName());
        json.put("isEnabled", workflow.enabled());
        return json;
    }

    /** The document with what the database adds: id, owner, version and run counters. */
    static Map<String, Object> json(Workflow workflow) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", workflow.id());
        json.put("owner", workflow.owner().toString());
        json.putAll(document(workflow));
        json.put("version", workflow.version());
        json.put("executionCount", workflow.executionCount());
        json.put("lastExecutedAt", Json.time(workflow.lastExecutedAt()));
        json.put("lastError", workflow.lastError().orElse(null));
        json.put("createdAt", Json.time(workflow.createdAt()));
        json.put("updatedAt", Json.time(workflow.updatedAt()));
        return json;
    }

    static Map<String, Object> json(WorkflowDetails details) {
        Map<String, Object> json = json(details.workflow());
        json.put("nextFireTimes", details.nextFireTimes().stream().map(Instant::toString).toList());
        json.put("webhookUrl", details.webhookPath().orElse(null));
        return json;
    }

    /** YAML text of {@code value}; JSON's types survive the trip through {@code -f}. */
    static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML output: " + e.getOriginalMessage(), e);
        }
    }

    /** The workflow file, headed by a comment naming the version to pass to {@code update --if-version}. */
    static void printYaml(Workflow workflow, PrintWriter out) {
        out.println("# workflow " + workflow.slug() + " of " + workflow.owner() + ", version " + workflow.version()
                + " (update -f this file --if-version " + workflow.version() + ")");
        out.print(yaml(document(workflow)));
    }

    static void table(List<Workflow> workflows, PrintWriter out) {
        Table table = new Table("SLUG", "NAME", "STATUS", "ENABLED", "TRIGGER", "STEPS", "RUNS", "LAST RUN", "VERSION");
        workflows.forEach(w -> table.row(w.slug(), w.definition().name(), w.status().wireName(), w.enabled() ? "yes" : "no",
                w.definition().triggerType().wireName(), w.definition().steps().size(), w.executionCount(),
                w.lastExecutedAt(), w.version()));
        table.print(out);
    }

    static void describe(WorkflowDetails details, PrintWriter out) {
        Workflow workflow = details.workflow();
        new Table("Workflow:", workflow.slug())
                .row("Name:", workflow.definition().name())
                .row("Id:", workflow.id())
                .row("Owner:", workflow.owner())
                .row("Scope:", workflow.definition().scope().wireName()
                        + workflow.definition().department().map(d -> " (" + d + ")").orElse(""))
                .row("Status:", workflow.status().wireName() + (workflow.enabled() ? "" : ", switched off"))
                .row("Trigger:", workflow.definition().triggerType().wireName() + " "
                        + workflow.definition().triggerConfig().toJson())
                .row("Schedule:", details.schedule())
                .row("Next runs:", details.nextFireTimes().isEmpty() ? null
                        : String.join(", ", details.nextFireTimes().stream().map(Instant::toString).toList()))
                .row("Webhook:", details.webhookPath())
                .row("Runs:", workflow.executionCount())
                .row("Last run:", workflow.lastExecutedAt())
                .row("Last error:", workflow.lastError())
                .row("Version:", workflow.version())
                .row("Updated:", workflow.updatedAt())
                .row("Description:", workflow.definition().description())
                .print(out);
        out.println("Steps:");
        Table steps = new Table("ORDER", "NAME", "PLUGIN", "IF", "ON ERROR", "INPUT");
        workflow.definition().steps().forEach(step -> steps.row(step.order(), step.name(), step.plugin().value(),
                step.condition(), step.onError().wireName() + (step.onError() == OnError.RETRY
                        ? " (" + step.maxRetries() + "x)" : ""), step.inputMapping().toJson()));
        steps.print(out);
    }
}
