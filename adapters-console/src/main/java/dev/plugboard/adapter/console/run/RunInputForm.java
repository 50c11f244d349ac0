package dev.plugboard.adapter.console.run;

import dev.plugboard.adapter.console.form.FormField;
import dev.plugboard.adapter.console.form.SchemaForm;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start-a-run form of a plugin: fields from its {@code inputSchema} when that names
 * properties (defaults pre-filled), or none, and then the page asks for the input as JSON.
 */
final class RunInputForm {

    private RunInputForm() {
    }

    static Optional<Map<String, Object>> schemaWithFields(Plugin plugin) {
        return plugin.manifest().inputSchema().map(JsonDocument::asMap)
                .filter(schema -> schema.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty());
    }

    static List<FormField> fields(Plugin plugin, Map<String, List<String>> typed) {
        return schemaWithFields(plugin).map(schema -> new SchemaForm(typed.isEmpty() ? defaults(schema) : typed,
                Set.of(), List.of()).fields(schema)).orElse(List.of());
    }

    private static Map<String, List<String>> defaults(Map<String, Object> schema) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((key, spec) -> {
                if (spec instanceof Map<?, ?> field && field.get("default") != null && !(field.get("default") instanceof Map)) {
                    values.put("/" + SchemaForm.escape(String.valueOf(key)), List.of(String.valueOf(field.get("default"))));
                }
            });
        }
        return values;
    }
}
