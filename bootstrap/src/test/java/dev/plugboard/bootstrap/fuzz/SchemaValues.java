package dev.plugboard.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * JSON values for a schema of the OpenAPI document: plausible ones (enums, formats, a few items),
 * and the hostile values the fuzzer puts in their place. {@code names} supplies values a field of
 * that name should hold to get past the first check (a plugin that exists, a run's id).
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Fixtures fixtures;

    SchemaValues(JsonNode document, Fixtures fixtures) {
        this.document = document;
        this.fixtures = fixtures;
    }

    JsonNode plausible(JsonNode schema, String name, Random random, int depth) {
        JsonNode resolved = OpenApiOperations.resolve(document, schema);
        if (resolved.has("enum") && resolved.path("enum").size() > 0) {
            return resolved.path("enum").get(random.nextInt(resolved.path("enum").size()));
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (resolved.path(combinator).size() > 0) {
                return plausible(resolved.path(combinator).get(random.nextInt(resolved.path(combinator).size())), name, random, depth);
            }
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> object(resolved, random, depth);
            case "array" -> array(resolved, name, random, depth);
            case "integer" -> JSON.numberNode(random.nextInt(5));
            case "number" -> JSON.numberNode(random.nextDouble() * 10);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "string" -> JSON.textNode(fixtures.valueFor(name, random).orElseGet(() -> word(resolved, random)));
            default -> depth > 3 ? JSON.textNode("x") : anyObject(random);
        };
    }

    private JsonNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = JSON.objectNode();
        if (depth > 4) {
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                object.set(property.getKey(), plausible(property.getValue(), property.getKey(), random, depth + 1));
            }
        });
        return object;
    }

    private JsonNode array(JsonNode schema, String name, Random random, int depth) {
        ArrayNode array = JSON.arrayNode();
        for (int i = random.nextInt(3); i > 0 && depth < 4; i--) {
            array.add(plausible(schema.path("items"), name, random, depth + 1));
        }
        return array;
    }

    /** A free-form object, as settings, input and trigger data are. */
    private static JsonNode anyObject(Random random) {
        ObjectNode object = JSON.objectNode();
        object.put("text", "hello " + random.nextInt(1000));
        if (random.nextBoolean()) {
            object.put("url", "https://example.com/hook");
        }
        return object;
    }

    private static String word(JsonNode schema, Random random) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> java.util.UUID.randomUUID().toString();
            case "date-time" -> java.time.Instant.now().toString();
            case "uri", "url" -> "https://example.com/" + random.nextInt(100);
            default -> "fuzz-" + Integer.toString(random.nextInt(1 << 20), 36);
        };
    }

    /** A value meant to be refused: another type, a number no field takes, a huge or strange string, null. */
    static JsonNode hostile(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> JSON.numberNode(new BigInteger("9".repeat(400)));
            case 1 -> JSON.numberNode(Long.MIN_VALUE);
            case 2 -> JSON.numberNode(-1);
            case 3 -> JSON.numberNode(new java.math.BigDecimal(random.nextBoolean() ? "1e-400" : "98E99999999"));
            case 4 -> JSON.textNode("x".repeat(100_000));
            case 5 -> JSON.textNode("\u0000 nul \u0000");
            case 6 -> JSON.textNode("\u202e\ud83d\udca9 ñ \u0301 \uFEFF ☃ 𝕏 \t\r\n");
            case 7 -> JSON.nullNode();
            case 8 -> JSON.booleanNode(true);
            case 9 -> JSON.arrayNode().add(1).add("two").addNull();
            case 10 -> JSON.objectNode().put("unexpected", "object");
            default -> JSON.textNode("");
        };
    }

    /** Replaces one value somewhere in {@code root} (or adds a field no schema has) with {@code value}. */
    static void plant(JsonNode root, JsonNode value, Random random, boolean asExtraField) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        if (objects.isEmpty()) {
            return;
        }
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        Iterator<String> names = target.fieldNames();
        names.forEachRemaining(fields::add);
        String field = asExtraField || fields.isEmpty() ? "fuzzExtra" + random.nextInt(100) : fields.get(random.nextInt(fields.size()));
        target.set(field, value);
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.elements().forEachRemaining(child -> collect(child, objects));
    }
}
