package dev.plugboard.adapter.cli.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plugboard.domain.settings.JsonDocument;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes {@code --json} output: plain maps and lists, pretty-printed. Field names are part of the
 * CLI's contract; absent values are written as {@code null} so every object has the same fields.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    /** Pretty JSON text of a document, for human output of schemas. */
    public static String pretty(JsonDocument document) {
        try {
            return MAPPER.writeValueAsString(document.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    /** One-line JSON text of a value, for a table cell. */
    public static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    public static Object document(Optional<JsonDocument> document) {
        return document.map(JsonDocument::asMap).orElse(null);
    }
}
