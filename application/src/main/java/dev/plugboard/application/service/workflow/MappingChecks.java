package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.workflow.ExpressionException;
import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each step's input mapping against its plugin's input schema before anything runs. Where
 * the trigger's data schema and the earlier steps' output schemas describe every value the mapping
 * reads, the mapping is resolved over sample values of those schemas and the result validated; a
 * missing path or a wrong type is then a problem. Where a source is not described, only what the
 * mapping alone decides is checked: that it names every required input field.
 */
final class MappingChecks {

    /** Violations a sample can't cause by itself (a pattern or a format can): missing fields and wrong types. */
    private static final Set<String> STRUCTURAL = Set.of("required", "type", "additionalProperties");

    private final TemplateEngine templates;
    private final SettingsPolicy policy;
    private final WorkflowSettings settings;

    MappingChecks(TemplateEngine templates, SettingsPolicy policy, WorkflowSettings settings) {
        this.templates = templates;
        this.policy = policy;
        this.settings = settings;
    }

    @SuppressWarnings("unchecked")
    void check(WorkflowDefinition definition, Map<Integer, Plugin> plugins, List<Problem> problems) {
        Optional<Object> data = definition.triggerConfig().get("dataSchema")
                .flatMap(schema -> SchemaSamples.sample((Map<String, Object>) schema));
        boolean described = data.isPresent();
        Object prev = null;
        Map<String, Object> steps = new LinkedHashMap<>();
        List<WorkflowStep> all = definition.steps();
        for (int i = 0; i < all.size(); i++) {
            WorkflowStep step = all.get(i);
            Plugin plugin = plugins.get(step.order());
            if (plugin == null) {
                described = false;
                continue;
            }
            Map<String, Object> context = WorkflowContexts.of(definition.triggerType().wireName(),
                    data.filter(Map.class::isInstance).map(d -> (Map<String, Object>) d).orElse(Map.of()),
                    Instant.EPOCH, prev, steps, settings.env(), Map.of("userId", "u", "workflowId", "w", "runId", "r"));
            String at = "/steps/" + i + "/inputMapping";
            Optional<JsonDocument> inputSchema = plugin.manifest().inputSchema();
            if (inputSchema.isPresent() && described) {
                resolved(step, plugin, inputSchema.get(), context, at, problems);
            } else if (inputSchema.isPresent()) {
                required(step, inputSchema.get(), at, problems);
            }
            Optional<Object> output = plugin.manifest().outputSchema().flatMap(s -> SchemaSamples.sample(s.asMap()));
            described = described && output.isPresent();
            prev = output.orElse(null);
            steps.put(Integer.toString(step.order()), prev);
            Object sample = prev;
            step.name().ifPresent(name -> steps.put(name, sample));
        }
    }

    private void resolved(WorkflowStep step, Plugin plugin, JsonDocument schema, Map<String, Object> context, String at,
                          List<Problem> problems) {
        Object input;
        try {
            input = templates.render(step.inputMapping().asMap(), context);
        } catch (ExpressionException e) {
            problems.add(new Problem(step.order(), at, e.getMessage()
                    + " (checked against the trigger's data schema and the earlier steps' output schemas)"));
            return;
        }
        if (!(input instanceof Map<?, ?> map)) {
            problems.add(new Problem(step.order(), at, "must produce a JSON object"));
            return;
        }
        @SuppressWarnings("unchecked")
        JsonDocument document = JsonDocument.of((Map<String, ?>) map);
        policy.violationsOf(plugin.name().value(), plugin.version().toString(), "input", schema, document).stream()
                .filter(v -> STRUCTURAL.contains(v.keyword()))
                .forEach(v -> problems.add(new Problem(step.order(), at + v.pointer(),
                        "can't give a valid input for plugin " + plugin.name() + ": " + v.message())));
    }

    private static void required(WorkflowStep step, JsonDocument schema, String at, List<Problem> problems) {
        if (schema.get("required").orElse(null) instanceof List<?> required) {
            required.stream().map(String::valueOf).filter(field -> !step.inputMapping().has(field)).forEach(field ->
                    problems.add(new Problem(step.order(), at + "/" + field, "is required by plugin "
                            + step.plugin() + "'s input schema; map it, e.g. \"" + field + "\": \"{{ trigger.data."
                            + field + " }}\"")));
        }
    }
}
