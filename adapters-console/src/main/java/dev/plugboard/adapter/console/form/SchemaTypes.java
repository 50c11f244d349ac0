package dev.plugboard.adapter.console.form;

import dev.plugboard.adapter.console.form.FormField.Limit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a property's schema says about its widget, options and limits. */
final class SchemaTypes {

    private SchemaTypes() {
    }

    static String kindOf(Map<String, Object> spec) {
        if (Boolean.TRUE.equals(spec.get("writeOnly"))) {
            return "secret";
        }
        if (spec.get("enum") instanceof List<?>) {
            return "select";
        }
        return switch (type(spec)) {
            case "boolean" -> "switch";
            case "integer" -> "integer";
            case "number" -> "number";
            case "object" -> "group";
            case "array" -> "list";
            default -> "text";
        };
    }

    static String type(Map<String, Object> spec) {
        Object type = spec.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        return type == null ? "string" : String.valueOf(type);
    }

    /** The type of an array's items, for reading what a list's inputs hold. */
    @SuppressWarnings("unchecked")
    static String itemType(Map<String, Object> spec) {
        return spec.get("items") instanceof Map<?, ?> items ? type((Map<String, Object>) items) : "string";
    }

    static List<String> options(Map<String, Object> spec) {
        return spec.get("enum") instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    static List<Limit> limits(Map<String, Object> spec) {
        List<Limit> limits = new ArrayList<>();
        add(limits, "min", spec.get("minimum"));
        add(limits, "max", spec.get("maximum"));
        add(limits, "minlength", spec.get("minLength"));
        add(limits, "maxlength", spec.get("maxLength"));
        return limits;
    }

    private static void add(List<Limit> limits, String attribute, Object value) {
        if (value instanceof Number number) {
            limits.add(new Limit(attribute, number.toString()));
        }
    }
}
