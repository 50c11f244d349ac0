package dev.plugboard.adapter.console.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a submitted schema form back into a JSON Merge Patch: typed values where the text parses
 * (the text itself where it does not, so that the server names the field and the form keeps what
 * was typed), {@code null} for a field emptied, and for a secret: kept (left out), replaced, or
 * cleared ({@code null}), as its action says.
 */
public final class FormReader {

    /** The field whose value says what to do with a stored secret: keep, replace or clear. */
    public static final String SECRET_ACTION = "action:";

    private final Map<String, List<String>> form;

    public FormReader(Map<String, List<String>> form) {
        this.form = form;
    }

    /** A decoded form body, whose repeated fields arrive as lists and single ones as plain values. */
    public static Map<String, List<String>> multiValues(Map<String, Object> body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        body.forEach((name, value) -> form.put(name, value instanceof List<?> items
                ? items.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
        return form;
    }

    public Map<String, Object> patch(Map<String, Object> schema) {
        return object(schema, "");
    }

    /** The patch as a new document: without the {@code null}s that only mean "remove" in a patch. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withoutNulls(Map<String, Object> patch) {
        Map<String, Object> clean = new LinkedHashMap<>();
        patch.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                clean.put(key, withoutNulls((Map<String, Object>) nested));
            } else if (value != null) {
                clean.put(key, value);
            }
        });
        return clean;
    }

    /** What each pointer showed, to fill the form in again after the server refused it (secrets left out). */
    public Map<String, List<String>> typed() {
        Map<String, List<String>> typed = new LinkedHashMap<>(form);
        typed.keySet().removeIf(name -> !name.startsWith("/"));
        return typed;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> schema, String parent) {
        Map<String, Object> patch = new LinkedHashMap<>();
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return patch;
        }
        properties.forEach((key, property) -> {
            if (property instanceof Map<?, ?> spec) {
                String pointer = parent + "/" + SchemaForm.escape(String.valueOf(key));
                read((Map<String, Object>) spec, pointer).ifPresent(value -> patch.put(String.valueOf(key), value.orElse(null)));
            }
        });
        return patch;
    }

    /** Empty: leave the field out; a present empty Optional: {@code null}, which removes it. */
    private java.util.Optional<java.util.Optional<Object>> read(Map<String, Object> spec, String pointer) {
        String kind = SchemaTypes.kindOf(spec);
        String text = first(pointer);
        return switch (kind) {
            case "secret" -> secret(pointer, text);
            case "group" -> some(object(spec, pointer));
            case "switch" -> some(form.containsKey(pointer) && "true".equals(text));
            case "list" -> some(list(pointer, SchemaTypes.itemType(spec)));
            default -> text.isBlank() ? some(null) : some(typed(text.strip(), SchemaTypes.type(spec)));
        };
    }

    private java.util.Optional<java.util.Optional<Object>> secret(String pointer, String text) {
        String action = first(SECRET_ACTION + pointer);
        if (action.equals("clear")) {
            return some(null);
        }
        return text.isEmpty() ? java.util.Optional.empty() : some(text);
    }

    private List<Object> list(String pointer, String itemType) {
        List<Object> items = new ArrayList<>();
        form.getOrDefault(pointer, List.of()).stream().map(String::strip).filter(item -> !item.isEmpty())
                .forEach(item -> items.add(typed(item, itemType)));
        return items;
    }

    private static Object typed(String text, String type) {
        try {
            return switch (type) {
                case "integer" -> new BigDecimal(text).toBigIntegerExact().longValueExact();
                case "number" -> new BigDecimal(text);
                case "boolean" -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : text;
                default -> text;
            };
        } catch (ArithmeticException | NumberFormatException notThatType) {
            return text;
        }
    }

    private String first(String name) {
        List<String> given = form.getOrDefault(name, List.of());
        return given.isEmpty() || given.get(0) == null ? "" : given.get(0);
    }

    private static java.util.Optional<java.util.Optional<Object>> some(Object value) {
        return java.util.Optional.of(java.util.Optional.ofNullable(value));
    }
}
