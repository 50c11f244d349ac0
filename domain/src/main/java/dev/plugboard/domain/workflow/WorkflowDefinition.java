package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a workflow does, as its author wrote it: names, scope, trigger and steps. Checked for shape
 * here; whether its plugins are installed, its cron parses and its templates compile is checked
 * when it is saved ({@code WorkflowChecks} in the application).
 *
 * @param department the department a {@code DEPARTMENT} workflow belongs to; empty for the other scopes
 * @param output     an optional template for the run's output; without it the last executed step's output
 */
public record WorkflowDefinition(String name, String slug, String description, WorkflowScope scope,
                                 Optional<String> department, TriggerType triggerType, JsonDocument triggerConfig,
                                 List<WorkflowStep> steps, Optional<JsonDocument> output) {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    public WorkflowDefinition {
        name = Require.length("name", Require.nonBlank("name", name).strip(), 2, 100);
        Require.length("slug", Require.nonBlank("slug", slug), 2, 50);
        Require.matches("slug", slug, SLUG, "use lower-case letters and digits in words joined by single hyphens, "
                + "such as 'triage-messages'");
        description = description == null ? "" : description.strip();
        Require.length("description", description, 0, 2_000);
        scope = scope == null ? WorkflowScope.USER : scope;
        department = department == null ? Optional.empty() : department.map(String::strip).filter(d -> !d.isEmpty());
        if (scope == WorkflowScope.DEPARTMENT && department.isEmpty()) {
            throw new InvalidValueException("department", null, "a DEPARTMENT workflow names its department");
        }
        if (scope != WorkflowScope.DEPARTMENT && department.isPresent()) {
            throw new InvalidValueException("department", department.get(), "only a DEPARTMENT workflow has a department");
        }
        department.ifPresent(d -> Require.length("department", d, 1, 128));
        triggerType = triggerType == null ? TriggerType.MANUAL : triggerType;
        triggerConfig = triggerConfig == null ? JsonDocument.empty() : triggerConfig;
        steps = sorted(steps == null ? List.of() : steps);
        output = output == null ? Optional.empty() : output;
    }

    private static List<WorkflowStep> sorted(List<WorkflowStep> steps) {
        if (steps.isEmpty()) {
            throw new InvalidValueException("steps", "[]", "a workflow has at least one step");
        }
        Set<Integer> orders = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (WorkflowStep step : steps) {
            if (!orders.add(step.order())) {
                throw new InvalidValueException("steps[].order", step.order(), "is used by two steps; orders are unique");
            }
            step.name().filter(n -> !names.add(n)).ifPresent(n -> {
                throw new InvalidValueException("steps[].name", n, "is used by two steps; names are unique");
            });
        }
        List<WorkflowStep> copy = new ArrayList<>(steps);
        copy.sort(Comparator.comparingInt(WorkflowStep::order));
        return List.copyOf(copy);
    }

    /** The step with this order. */
    public Optional<WorkflowStep> step(int order) {
        return steps.stream().filter(step -> step.order() == order).findFirst();
    }

    /** The step after {@code order}, in order. */
    public Optional<WorkflowStep> after(int order) {
        return steps.stream().filter(step -> step.order() > order).findFirst();
    }

    /** The definition in the JSON and YAML forms (the seed's field names). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("slug", slug);
        json.put("description", description);
        json.put("scope", scope.wireName());
        department.ifPresent(d -> json.put("department", d));
        json.put("triggerType", triggerType.wireName());
        json.put("triggerConfig", triggerConfig.asMap());
        json.put("steps", steps.stream().map(WorkflowStep::toJson).toList());
        output.ifPresent(o -> json.put("output", o.asMap()));
        return json;
    }
}
