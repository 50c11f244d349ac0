package dev.plugboard.adapter.rest.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the strings a claim holds, by a name that may be a dotted path into nested objects
 * ({@code realm_access.roles}). A claim whose whole name contains dots (Auth0's
 * {@code https://example.com/roles}) is found under that name only when the nested path holds
 * nothing: a flat claim must never shadow the nested one the identity provider itself sets.
 */
final class ClaimPath {

    private ClaimPath() {
    }

    static List<String> values(Map<String, Object> claims, String path, String separator) {
        Object nested = walk(claims, path.split("\\."));
        Object value = nested != null ? nested : claims.get(path);
        List<String> values = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> {
                if (item instanceof CharSequence text) {
                    values.add(text.toString().strip());
                }
            });
        } else if (value instanceof CharSequence text) {
            for (String part : separator == null || separator.isEmpty() ? new String[] {text.toString()}
                    : text.toString().split(java.util.regex.Pattern.quote(separator))) {
                values.add(part.strip());
            }
        }
        return values;
    }

    private static Object walk(Map<String, Object> claims, String[] steps) {
        Object current = claims;
        for (String step : steps) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }
}
