package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a workflow from its JSON or YAML form (the seed's field names: {@code name}, {@code slug},
 * {@code description}, {@code scope}, {@code triggerType}, {@code triggerConfig}, {@code status},
 * {@code isEnabled}, {@code steps}), naming the field and its position when something is wrong. REST,
 * the CLI and embedders all read workflows here.
 */
public final class WorkflowDocument {

    private static final Set<String> FIELDS = Set.of("name", "slug", "description", "scope", "department", "triggerType",
            "triggerConfig", "status", "isEnabled", "steps", "output", "id", "version", "owner", "executionCount",
            "lastExecutedAt", "lastError", "createdAt", "updatedAt", "nextFireTimes", "webhookUrl", "webhookSecret");
    private static final Set<String> STEP_FIELDS = Set.of("order", "name", "plugin", "inputMapping", "config",
            "condition", "onError", "maxRetries");

    /** The definition, and the status and switch the document asks for (absent: keep, or the defaults). */
    public record Parsed(WorkflowDefinition definition, Optional<WorkflowStatus> status, Optional<Boolean> enabled) {
    }

    private WorkflowDocument() {
    }

    /**
     * @throws InvalidWorkflowException when the document breaks a rule of the model, with the field as a
     *                                  JSON pointer (and the step's order), like every other workflow problem
     */
    public static Parsed read(Map<String, Object> json) {
        return DocumentProblems.reading(json, () -> parse(json));
    }

    private static Parsed parse(Map<String, Object> json) {
        if (json == null) {
            throw new InvalidValueException("workflow", null, "send a JSON object with name, slug and steps");
        }
        unknown("", json, FIELDS);
        WorkflowDefinition definition = new WorkflowDefinition(text(json, "name", ""), text(json, "slug", ""),
                optionalText(json, "description", "").orElse(""),
                optionalText(json, "scope", "").map(WorkflowScope::fromWire).orElse(null),
                optionalText(json, "department", ""),
                optionalText(json, "triggerType", "").map(TriggerType::fromWire).orElse(null),
                object(json, "triggerConfig", ""), steps(json.get("steps")),
                Optional.ofNullable(json.get("output")).map(o -> object(json, "output", "")));
        Optional<WorkflowStatus> status = optionalText(json, "status", "").map(WorkflowStatus::fromWire);
        Object enabled = json.get("isEnabled");
        if (enabled != null && !(enabled instanceof Boolean)) {
            throw new InvalidValueException("isEnabled", enabled, "must be true or false");
        }
        return new Parsed(definition, status, Optional.ofNullable((Boolean) enabled));
    }

    private static List<WorkflowStep> steps(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidValueException("steps", value, "must be a list of steps, each with order and plugin");
        }
        List<WorkflowStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "steps[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                throw new InvalidValueException("steps[" + i + "]", list.get(i), "must be an object with order and plugin");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>) raw;
            unknown(at, step, STEP_FIELDS);
            Object condition = step.get("condition");
            Optional<String> test = Optional.empty();
            if (condition instanceof Map<?, ?> conditionMap) {
                Object expression = conditionMap.get("if");
                if (!(expression instanceof String text) || conditionMap.size() != 1) {
                    throw new InvalidValueException(at + "condition", condition, "write {\"if\": \"<CEL expression>\"}");
                }
                test = Optional.of(text);
            } else if (condition instanceof String text) {
                test = Optional.of(text);
            } else if (condition != null) {
                throw new InvalidValueException(at + "condition", condition, "write {\"if\": \"<CEL expression>\"}");
            }
            steps.add(new WorkflowStep(number(step, "order", at, i), optionalText(step, "name", at),
                    plugin(text(step, "plugin", at), at), object(step, "inputMapping", at), object(step, "config", at),
                    test, optionalText(step, "onError", at).map(OnError::fromWire).orElse(null),
                    number(step, "maxRetries", at, 0)));
        }
        return steps;
    }

    private static PluginName plugin(String name, String at) {
        try {
            return PluginName.of(name);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(at + "plugin", name, e.rule());
        }
    }

    private static void unknown(String at, Map<String, Object> json, Set<String> known) {
        json.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidValueException(at + key, json.get(key), "is not a workflow field; use "
                    + known.stream().sorted().toList());
        });
    }

    private static String text(Map<String, Object> json, String field, String at) {
        return optionalText(json, field, at).orElseThrow(() -> new InvalidValueException(at + field, null, "is required"));
    }

    private static Optional<String> optionalText(Map<String, Object> json, String field, String at) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidValueException(at + field, value, "must be a string");
        }
        return Optional.of(text);
    }

    private static int number(Map<String, Object> json, String field, String at, int fallback) {
        Object value = json.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > 1_000_000) {
            throw new InvalidValueException(at + field, value, "must be a whole number");
        }
        return number.intValue();
    }

    @SuppressWarnings("unchecked")
    private static JsonDocument object(Map<String, Object> json, String field, String at) {
        Object value = json.get(field);
        if (value == null) {
            return JsonDocument.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException(at + field, value, "must be a JSON object");
        }
        return JsonDocument.of((Map<String, ?>) map);
    }
}
