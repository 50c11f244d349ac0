package dev.plugboard.domain.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edits of a document's fields at RFC 6901 pointers, on a deep mutable copy; the caller wraps the result. */
final class PointerEdits {

    private PointerEdits() {
    }

    /** The fields with each existing location of {@code replacements} replaced, or null when none exists. */
    static Map<String, Object> replaced(Map<String, Object> fields, Map<String, ?> replacements) {
        Map<String, Object> copy = deepMutableCopy(fields);
        boolean[] changed = {false};
        replacements.forEach((pointer, replacement) -> {
            List<String> tokens = JsonPointers.tokens(pointer);
            if (tokens.isEmpty()) {
                return;
            }
            Object parent = parentOf(copy, tokens);
            String last = tokens.get(tokens.size() - 1);
            if (parent instanceof Map<?, ?> map && map.containsKey(last)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> members = (Map<String, Object>) map;
                members.put(last, replacement);
                changed[0] = true;
            } else if (parent instanceof List<?> list && JsonPointers.isIndex(last, list.size())) {
                @SuppressWarnings("unchecked")
                List<Object> elements = (List<Object>) list;
                elements.set(Integer.parseInt(last), replacement);
                changed[0] = true;
            }
        });
        return changed[0] ? copy : null;
    }

    /** The fields without the object member at {@code pointer}, or null when there is none. */
    static Map<String, Object> removed(Map<String, Object> fields, String pointer) {
        List<String> tokens = JsonPointers.tokens(pointer);
        if (tokens.isEmpty()) {
            return null;
        }
        Map<String, Object> copy = deepMutableCopy(fields);
        if (parentOf(copy, tokens) instanceof Map<?, ?> parent && parent.containsKey(tokens.get(tokens.size() - 1))) {
            parent.remove(tokens.get(tokens.size() - 1));
            return copy;
        }
        return null;
    }

    private static Object parentOf(Map<String, Object> root, List<String> tokens) {
        Object parent = root;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token);
        }
        return parent;
    }

    private static Object child(Object parent, String token) {
        if (parent instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (parent instanceof List<?> list && JsonPointers.isIndex(token, list.size())) {
            return list.get(Integer.parseInt(token));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepMutableCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, mutable(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object mutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepMutableCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(mutable(element)));
            return copy;
        }
        return value;
    }
}
