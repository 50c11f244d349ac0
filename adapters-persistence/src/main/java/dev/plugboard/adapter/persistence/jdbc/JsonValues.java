package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.settings.JsonDocument;

import java.util.Collections;
import java.util.Optional;
import java.util.UUID;

/**
 * Any JSON value (string, number, array, object, null) to and from jsonb through the domain's
 * {@link JsonDocument}, so numbers keep the types a document holds (a whole number is a Long).
 * A value travels wrapped in {@code {"v": value}}: SQL unwraps it with {@link #UNWRAP} on the way in
 * and wraps it with {@link #wrapped} on the way out.
 */
final class JsonValues {

    /** The SQL placeholder for a value written with {@link #wrap}. */
    static final String UNWRAP = "(?::jsonb -> 'v')";

    private static final String KEY = "v";

    private JsonValues() {
    }

    /** JSON text of {@code {"v": value}}. */
    static String wrap(Object value) {
        return JsonDocument.of(Collections.singletonMap(KEY, value)).toJson();
    }

    /** The value of JSON text written by {@link #wrapped}; null for JSON null and for SQL NULL. */
    static Object unwrap(String json) {
        return JsonDocument.parse(json).asMap().get(KEY);
    }

    /** The SQL expression that reads {@code column} as JSON text {@link #unwrap} understands. */
    static String wrapped(String column, String alias) {
        return "jsonb_build_object('v', " + column + ")::text AS " + alias;
    }

    /**
     * The id as a uuid, or empty when it is not one: such an id names no stored row, and a lookup
     * with it (e.g. from a webhook URL) must find nothing instead of failing.
     */
    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The id as a uuid; a workflow's and a run's ids are UUIDs. */
    static UUID requireUuid(String what, String id) {
        return uuid(id).orElseThrow(() -> new IllegalArgumentException(what + " id '" + id + "' is not a UUID"));
    }
}
