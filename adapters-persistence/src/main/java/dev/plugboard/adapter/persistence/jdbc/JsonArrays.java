package dev.plugboard.adapter.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * JSON text of the jsonb arrays a manifest has (capabilities, dependencies); objects go through
 * the domain's {@code JsonDocument}, which holds objects only.
 */
final class JsonArrays {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrays() {
    }

    static String write(List<?> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings and maps always serialises", e);
        }
    }

    static List<String> readStrings(String json) {
        return read(json, new TypeReference<>() { });
    }

    static List<Map<String, String>> readObjects(String json) {
        return read(json, new TypeReference<>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON array is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
