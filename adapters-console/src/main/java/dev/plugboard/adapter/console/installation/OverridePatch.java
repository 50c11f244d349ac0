package dev.plugboard.adapter.console.installation;

import dev.plugboard.adapter.console.form.SchemaForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the whole settings form of an environment (the merged values, as edited) into the patch of
 * its override: a field the override sets keeps what the form says; any other field enters the
 * override only when it differs from the base; a field marked "use the base value", or emptied,
 * leaves the override ({@code null}). A secret left blank is left out, so it keeps what it had.
 * Merging and validating stay the use case's, as for the REST API.
 */
final class OverridePatch {

    /** The prefix of a field's "use the base value" box, before the field's pointer. */
    static final String RESET = "reset:";

    private OverridePatch() {
    }

    /**
     * @param form     the form read as a whole-settings patch ({@code null} for an emptied field)
     * @param base     the base settings as shown (secrets {@code (set)})
     * @param override the environment's stored override as shown
     * @param reset    the pointers to take back from the base
     */
    static Map<String, Object> of(Map<String, Object> form, Map<String, Object> base, Map<String, Object> override,
                                  Set<String> reset) {
        return object(form, base, override, reset, "");
    }

    /** The pointers whose "use the base value" box is ticked. */
    static Set<String> resets(Map<String, List<String>> form) {
        Set<String> reset = new TreeSet<>();
        form.forEach((name, values) -> {
            if (name.startsWith(RESET) && values.contains("true")) {
                reset.add(name.substring(RESET.length()));
            }
        });
        return reset;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> form, Map<String, Object> base,
                                              Map<String, Object> override, Set<String> reset, String parent) {
        Map<String, Object> patch = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            String pointer = parent + "/" + SchemaForm.escape(key);
            boolean overridden = override.containsKey(key);
            if (reset.contains(pointer) || value == null) {
                if (overridden) {
                    patch.put(key, null);
                }
            } else if (value instanceof Map<?, ?> group) {
                Map<String, Object> nested = object((Map<String, Object>) group, childOf(base, key), childOf(override, key),
                        reset, pointer);
                if (!nested.isEmpty()) {
                    patch.put(key, nested);
                }
            } else if (overridden || !sameText(value, base.get(key))) {
                patch.put(key, value);
            }
        });
        return patch;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childOf(Map<String, Object> object, String key) {
        return object.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }

    /**
     * Compared as the form shows them, so that 5 and 5L agree; an unticked switch or an empty list
     * is what a field the base leaves out shows.
     */
    private static boolean sameText(Object typed, Object stored) {
        if (stored == null) {
            return Boolean.FALSE.equals(typed) || (typed instanceof List<?> items && items.isEmpty());
        }
        return Objects.equals(String.valueOf(typed), String.valueOf(stored));
    }
}
