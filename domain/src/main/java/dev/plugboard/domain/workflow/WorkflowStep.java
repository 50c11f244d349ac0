package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a workflow: which installed plugin runs, the template that makes its input, static
 * settings merged over the installation's for this step's runs, an optional condition, and what a
 * failure does.
 *
 * @param order        0, 1, 2, ...: unique within the workflow; steps run in this order
 * @param name         optional; names the step's output in {@code steps.<name>}
 * @param inputMapping a JSON object template, e.g. {@code {"text": "{{ trigger.data.text }}"}}
 * @param config       static settings, merged over the installation's settings for this step only
 * @param condition    a CEL expression (or the seeds' {@code {{...}} == '...'} form); a false value skips the step
 * @param maxRetries   how often {@code onError: retry} retries before it stops the run
 */
public record WorkflowStep(int order, Optional<String> name, PluginName plugin, JsonDocument inputMapping,
                           JsonDocument config, Optional<String> condition, OnError onError, int maxRetries) {

    public static final int MAX_ORDER = 999;
    public static final int MAX_RETRIES = 10;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    public WorkflowStep {
        if (order < 0 || order > MAX_ORDER) {
            throw new InvalidValueException("steps[].order", order, "must be 0 to " + MAX_ORDER);
        }
        name = name == null ? Optional.empty() : name.map(String::strip).filter(n -> !n.isEmpty());
        name.ifPresent(n -> {
            Require.length("steps[].name", n, 1, 64);
            Require.matches("steps[].name", n, NAME,
                    "use letters, digits and _ starting with a letter or _, so that templates can say steps." + "<name>");
        });
        Require.present("steps[].plugin", plugin);
        inputMapping = inputMapping == null ? JsonDocument.empty() : inputMapping;
        config = config == null ? JsonDocument.empty() : config;
        condition = condition == null ? Optional.empty() : condition.map(String::strip).filter(c -> !c.isEmpty());
        condition.ifPresent(c -> Require.length("steps[].condition.if", c, 1, 2_000));
        onError = onError == null ? OnError.STOP : onError;
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new InvalidValueException("steps[].maxRetries", maxRetries, "must be 0 to " + MAX_RETRIES);
        }
        if (onError == OnError.RETRY && maxRetries == 0) {
            maxRetries = 3;
        }
    }

    /** The step as the JSON and YAML forms write it (the seed's field names). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("order", order);
        name.ifPresent(n -> json.put("name", n));
        json.put("plugin", plugin.value());
        json.put("inputMapping", inputMapping.asMap());
        if (!config.isEmpty()) {
            json.put("config", config.asMap());
        }
        condition.ifPresent(c -> json.put("condition", Map.of("if", c)));
        json.put("onError", onError.wireName());
        json.put("maxRetries", maxRetries);
        return json;
    }
}
