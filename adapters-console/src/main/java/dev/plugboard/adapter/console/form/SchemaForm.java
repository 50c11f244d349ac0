package dev.plugboard.adapter.console.form;

import dev.plugboard.domain.settings.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON Schema (an object's properties) into form fields: strings, numbers and integers
 * with their limits, enums as selects, booleans as switches, nested objects as groups, arrays of
 * simple values as lists, defaults and descriptions, and {@code writeOnly} fields as secrets that
 * show whether a value is set and never the value. Violations are placed on the field their
 * pointer names; those that name no field are returned by {@link #unplaced}.
 */
public final class SchemaForm {

    private final Map<String, List<String>> values;
    private final Set<String> secretsSet;
    private final List<Violation> violations;

    /**
     * @param values     the text each pointer shows (a list's items under the list's pointer)
     * @param secretsSet the pointers of secrets that have a stored value
     */
    public SchemaForm(Map<String, List<String>> values, Set<String> secretsSet, List<Violation> violations) {
        this.values = values;
        this.secretsSet = secretsSet;
        this.violations = violations;
    }

    public List<FormField> fields(Map<String, Object> schema) {
        return fields(schema, "");
    }

    /** The violations no field shows: they go at the top of the form. */
    public List<String> unplaced(List<FormField> fields) {
        List<FormField> all = new ArrayList<>();
        collect(fields, all);
        return violations.stream().filter(v -> all.stream().noneMatch(field -> shows(field, v)))
                .map(Violation::toString).toList();
    }

    /** A field shows the violations at its pointer; a list also those of its items. */
    private static boolean shows(FormField field, Violation violation) {
        return violation.pointer().equals(field.name())
                || (field.kind().equals("list") && violation.pointer().startsWith(field.name() + "/"));
    }

    private static void collect(List<FormField> fields, List<FormField> all) {
        fields.forEach(field -> {
            all.add(field);
            collect(field.children(), all);
        });
    }

    private List<FormField> fields(Map<String, Object> schema, String parent) {
        List<FormField> fields = new ArrayList<>();
        Object properties = schema.get("properties");
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        if (properties instanceof Map<?, ?> map) {
            map.forEach((key, property) -> {
                if (property instanceof Map<?, ?> spec) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> field = (Map<String, Object>) spec;
                    fields.add(field(String.valueOf(key), field, parent + "/" + escape(String.valueOf(key)),
                            required.contains(key)));
                }
            });
        }
        return fields;
    }

    private FormField field(String key, Map<String, Object> spec, String pointer, boolean required) {
        String kind = SchemaTypes.kindOf(spec);
        List<FormField> children = kind.equals("group") ? fields(spec, pointer) : List.of();
        List<String> shown = kind.equals("secret") ? List.of() : values.getOrDefault(pointer, List.of());
        String label = spec.get("title") instanceof String title ? title : key;
        String description = spec.get("description") instanceof String text ? text : null;
        FormField field = new FormField(pointer, label, kind, required, description, shown, SchemaTypes.options(spec),
                SchemaTypes.limits(spec), secretsSet.contains(pointer), List.of(), children);
        List<String> errors = violations.stream().filter(v -> shows(field, v)).map(Violation::message).toList();
        return new FormField(pointer, label, kind, required, description, shown, field.options(), field.limits(),
                field.secretSet(), errors, children);
    }

    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
