package dev.plugboard.adapter.rest;

import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Converts between the wire's plain JSON values and the domain's documents and instants. */
public final class JsonValues {

    private JsonValues() {
    }

    public static Map<String, Object> map(JsonDocument document) {
        return document.asMap();
    }

    public static Map<String, Object> map(Optional<JsonDocument> document) {
        return document.map(JsonDocument::asMap).orElse(null);
    }

    /** A JSON object from a request; an absent one is empty. */
    public static JsonDocument document(Map<String, Object> fields) {
        return fields == null ? JsonDocument.empty() : JsonDocument.of(fields);
    }

    /** ISO-8601, whatever the serializer's date settings are. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
