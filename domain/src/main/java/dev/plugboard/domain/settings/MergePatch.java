package dev.plugboard.domain.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396): a member of the patch replaces the target's, an object merges
 * member by member, and {@code null} removes the member. How an owner's update is laid over the
 * settings stored before it.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** {@code target} with {@code patch} applied; neither is changed. */
    public static JsonDocument apply(JsonDocument target, JsonDocument patch) {
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>) merge(target.asMap(), patch.asMap());
        return JsonDocument.of(merged);
    }

    /** The patch that turns {@code from} into {@code to}: {@code apply(from, diff(from, to))} equals {@code to}. */
    public static JsonDocument diff(JsonDocument from, JsonDocument to) {
        return JsonDocument.of(diffMembers(from.asMap(), to.asMap()));
    }

    private static Map<String, Object> diffMembers(Map<String, Object> from, Map<String, Object> to) {
        Map<String, Object> patch = new LinkedHashMap<>();
        from.keySet().stream().filter(key -> !to.containsKey(key)).forEach(key -> patch.put(key, null));
        to.forEach((key, value) -> {
            Object old = from.get(key);
            if (java.util.Objects.equals(value, old)) {
                return;
            }
            if (value instanceof Map<?, ?> toMembers && old instanceof Map<?, ?> fromMembers) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = diffMembers((Map<String, Object>) fromMembers, (Map<String, Object>) toMembers);
                patch.put(key, nested);
            } else {
                patch.put(key, value);
            }
        });
        return patch;
    }

    private static Object merge(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> patchMembers)) {
            return patch;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (target instanceof Map<?, ?> targetMembers) {
            targetMembers.forEach((key, value) -> result.put((String) key, value));
        }
        patchMembers.forEach((key, value) -> {
            if (value == null) {
                result.remove((String) key);
            } else {
                result.put((String) key, merge(result.get(key), value));
            }
        });
        return result;
    }
}
