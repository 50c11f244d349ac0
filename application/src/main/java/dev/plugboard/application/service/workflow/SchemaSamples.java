package dev.plugboard.application.service.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sample value that fits a JSON Schema, for checking templates when a workflow is saved and for
 * test mode: the schema's own {@code examples}, {@code default}, {@code const} or first {@code enum}
 * value when it has one, otherwise a value of its {@code type}, objects with every declared property.
 * Empty when the schema does not say enough (no type, {@code $ref}), so that callers skip the check
 * instead of guessing.
 */
final class SchemaSamples {

    private static final int MAX_DEPTH = 12;

    private SchemaSamples() {
    }

    static Optional<Object> sample(Map<String, Object> schema) {
        return Optional.ofNullable(schema).map(s -> of(s, 0)).filter(value -> value != UNKNOWN);
    }

    private static final Object UNKNOWN = new Object();

    @SuppressWarnings("unchecked")
    private static Object of(Map<String, Object> schema, int depth) {
        if (depth > MAX_DEPTH || schema.containsKey("$ref")) {
            return UNKNOWN;
        }
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        for (String key : List.of("default", "const")) {
            if (schema.containsKey(key)) {
                return schema.get(key);
            }
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types && !types.isEmpty()) {
            type = types.get(0);
        }
        if (type == null && schema.get("properties") instanceof Map) {
            type = "object";
        }
        if (!(type instanceof String name)) {
            return UNKNOWN;
        }
        return switch (name) {
            case "object" -> object(schema, depth);
            case "array" -> schema.get("items") instanceof Map<?, ?> items
                    ? listOf(of((Map<String, Object>) items, depth + 1)) : List.of();
            case "string" -> string(schema);
            case "integer" -> schema.get("minimum") instanceof Number min ? (Object) min.longValue() : (Object) 1L;
            case "number" -> schema.get("minimum") instanceof Number min ? min : 1.5;
            case "boolean" -> true;
            case "null" -> null;
            default -> UNKNOWN;
        };
    }

    private static List<Object> listOf(Object item) {
        return item == UNKNOWN ? List.of() : java.util.Collections.singletonList(item);
    }

    @SuppressWarnings("unchecked")
    private static Object object(Map<String, Object> schema, int depth) {
        Map<String, Object> sample = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            for (Map.Entry<?, ?> property : properties.entrySet()) {
                if (property.getValue() instanceof Map<?, ?> propertySchema) {
                    Object value = of((Map<String, Object>) propertySchema, depth + 1);
                    if (value == UNKNOWN) {
                        return UNKNOWN;
                    }
                    sample.put(String.valueOf(property.getKey()), value);
                }
            }
        }
        return sample;
    }

    private static String string(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        String text = switch (format) {
            case "uri", "url", "iri" -> "https://example.com/sample";
            case "email" -> "user@example.com";
            case "date-time" -> "2026-01-01T09:00:00Z";
            case "date" -> "2026-01-01";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            default -> "sample text";
        };
        int min = schema.get("minLength") instanceof Number n ? n.intValue() : 0;
        return text.length() >= min ? text : text + "x".repeat(min - text.length());
    }
}
