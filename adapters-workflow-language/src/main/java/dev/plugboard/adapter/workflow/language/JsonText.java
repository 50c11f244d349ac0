package dev.plugboard.adapter.workflow.language;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The text of a JSON value inside interpolated strings, and its size as JSON, counted without building it. */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    /** Strings as they are, null as nothing, numbers and booleans as written in JSON, objects and lists as JSON text. */
    static String interpolated(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return json(value);
        }
        return String.valueOf(value);
    }

    /** The value as JSON text, for messages. */
    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("plain JSON values always serialise", impossible);
        }
    }

    /**
     * Whether {@code value} as JSON text stays within {@code limit} characters; stops counting once past
     * it. Escapes are not counted, so strings count as their length plus quotes.
     */
    static boolean fitsIn(Object value, long limit) {
        return size(value, limit) <= limit;
    }

    private static long size(Object value, long limit) {
        if (value instanceof String text) {
            return text.length() + 2L;
        }
        if (value instanceof Map<?, ?> map) {
            long total = 2;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += String.valueOf(entry.getKey()).length() + 4L + size(entry.getValue(), limit);
                if (total > limit) {
                    return total;
                }
            }
            return total;
        }
        if (value instanceof List<?> list) {
            long total = 2;
            for (Object element : list) {
                total += 1 + size(element, limit);
                if (total > limit) {
                    return total;
                }
            }
            return total;
        }
        return value == null ? 4 : String.valueOf(value).length();
    }
}
