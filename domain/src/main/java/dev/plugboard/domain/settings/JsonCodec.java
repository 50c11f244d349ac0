package dev.plugboard.domain.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plugboard.domain.error.InvalidValueException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between {@link JsonDocument} and Jackson's tree; the only Jackson user besides the policy. */
final class JsonCodec {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(1_000_000).build());
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonCodec() {
    }

    static JsonDocument parseObject(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidValueException("JSON", json, "expected a JSON object such as {\"key\": \"value\"}");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidValueException("JSON", abbreviate(json), "is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (NumberFormatException | ArithmeticException e) {
            throw unreadableNumber(json, e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidValueException("JSON", abbreviate(json),
                    "expected a JSON object but found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        try {
            return fromNode(node);
        } catch (NumberFormatException | ArithmeticException e) {
            // Found by ManifestReaderFuzzTest: 2555555555e55555555555 parses as a token but is no BigDecimal.
            throw unreadableNumber(json, e);
        }
    }

    private static InvalidValueException unreadableNumber(String json, RuntimeException e) {
        return new InvalidValueException("JSON", abbreviate(json), "holds a number that cannot be read (" + e.getMessage()
                + "); write it with fewer digits or a smaller exponent");
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    static String write(JsonDocument document) {
        try {
            return MAPPER.writeValueAsString(toNode(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonDocument always serialises", e);
        }
    }

    /** JSON text of one value of a document (a string, number, object, ...). */
    static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(toNodeValue(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON value always serialises", e);
        }
    }

    /** The value {@link #writeValue} wrote, normalised as a document holds it. */
    static Object readValue(String json) {
        try {
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("value", toJava(MAPPER.readTree(json)));
            return JsonDocument.of(holder).asMap().get("value");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value", e);
        }
    }

    static JsonDocument fromNode(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidValueException("JSON", node.getNodeType(), "expected a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(node);
        return JsonDocument.of(map);
    }

    static ObjectNode toNode(JsonDocument document) {
        return (ObjectNode) toNodeValue(document.asMap());
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(), toJava(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }

    private static JsonNode toNodeValue(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set((String) key, toNodeValue(element)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(toNodeValue(element)));
            return array;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        return NODES.numberNode((BigDecimal) value);
    }
}
