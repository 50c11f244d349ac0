package dev.plugboard.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.bootstrap.fuzz.OpenApiOperations.Operation;
import dev.plugboard.bootstrap.fuzz.OpenApiOperations.Parameter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes requests for an operation from one seed: plausible path values, query parameters and body
 * from the schemas, then one mutation of the body, a path value, a query value or a header. The
 * same seed makes the same request, so a failure printed with its seed can be made again.
 */
final class FuzzRequests {

    private static final List<String> BODY_MUTATIONS = List.of("valid", "hostile value", "extra field", "null body",
            "deep nesting", "malformed JSON", "empty body", "invalid UTF-8", "odd content type", "top-level array");
    private static final List<String> PATH_VALUES = List.of("..", "%2e%2e", "%00", "a%00b", "x".repeat(10_240),
            "%F0%9F%92%A9", "%FF%FE", "%20", "con", "..%2F..%2Fetc%2Fpasswd");
    private static final List<String> QUERY_VALUES = List.of("-1", "0", "99999999999999999999", "abc", "%00", "%FF",
            "true", "x".repeat(5_000), "2026-13-45", "PT-1S");

    private static final java.util.Set<String> VALID_CALLERS = java.util.Set.of("user", "admin", "worker");

    private final SchemaValues values;
    private final Fixtures fixtures;
    private final Map<String, String> tokens;

    /** {@code tokens}: the callers' bearer tokens by a label, among them forged ones. */
    FuzzRequests(OpenApiOperations api, Fixtures fixtures, Map<String, String> tokens) {
        this.values = new SchemaValues(api.document(), fixtures);
        this.fixtures = fixtures;
        this.tokens = Map.copyOf(tokens);
    }

    FuzzRequest make(Operation operation, long seed) {
        Random random = new Random(seed);
        StringBuilder mutation = new StringBuilder();
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String value = random.nextInt(8) == 0 ? mutated(PATH_VALUES, random, mutation, "path " + parameter.name())
                        : encode(fixtures.valueFor(parameter.name(), random).orElse("fuzz-" + random.nextInt(100)));
                path = path.replace("{" + parameter.name() + "}", value);
            }
        }
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && (parameter.required() || random.nextBoolean())) {
                String value = random.nextInt(6) == 0 ? mutated(QUERY_VALUES, random, mutation, "query " + parameter.name())
                        : encode(values.plausible(parameter.schema(), parameter.name(), random, 3).asText());
                query.append(query.length() == 0 ? '?' : '&').append(parameter.name()).append('=').append(value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization(random, mutation));
        if (random.nextInt(10) == 0) {
            headers.put("If-Match", mutated(List.of("\"", "W/\"1\"", "*", "\"-1\"", "\"99999999999999999999\"",
                    "x".repeat(4_000), "\"1\", \"2\""), random, mutation, "If-Match"));
        }
        byte[] body = null;
        if (operation.body().isPresent()) {
            body = body(operation.body().get(), random, mutation, headers);
        }
        return new FuzzRequest(seed, operation.toString(), mutation.length() == 0 ? "plausible" : mutation.toString(),
                operation.method(), path + query, headers, body);
    }

    /** Mostly a valid caller's token, so that requests reach the controllers; otherwise a forged or broken one. */
    private String authorization(Random random, StringBuilder mutation) {
        List<String> labels = List.copyOf(new java.util.TreeSet<>(tokens.keySet()));
        List<String> callers = labels.stream().filter(VALID_CALLERS::contains).toList();
        if (random.nextInt(5) > 0) {
            return "Bearer " + tokens.get(callers.get(random.nextInt(callers.size())));
        }
        List<String> forged = labels.stream().filter(label -> !VALID_CALLERS.contains(label)).toList();
        int pick = random.nextInt(forged.size() + 2);
        if (pick < forged.size()) {
            note(mutation, "token " + forged.get(pick));
            return "Bearer " + tokens.get(forged.get(pick));
        }
        return mutated(List.of("Bearer", "Bearer x.y.z", "Basic Zm9vOmJhcg==", "Bearer " + "A".repeat(9_000),
                "Bearer a b c, \"quoted\"", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290Iiwicm9sZXMiOlsiYWRtaW4iXX0."),
                random, mutation, "Authorization");
    }

    private byte[] body(JsonNode schema, Random random, StringBuilder mutation, Map<String, String> headers) {
        headers.put("Content-Type", "application/json");
        JsonNode plausible = values.plausible(schema, "", random, 0);
        String kind = random.nextInt(3) == 0 ? "valid" : BODY_MUTATIONS.get(random.nextInt(BODY_MUTATIONS.size()));
        if (!kind.equals("valid")) {
            note(mutation, "body: " + kind);
        }
        String json = switch (kind) {
            case "hostile value" -> {
                SchemaValues.plant(plausible, SchemaValues.hostile(random), random, false);
                yield plausible.toString();
            }
            case "extra field" -> {
                SchemaValues.plant(plausible, SchemaValues.hostile(random), random, true);
                yield plausible.toString();
            }
            case "null body" -> "null";
            case "deep nesting" -> "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
            case "malformed JSON" -> plausible.toString().substring(0, Math.max(1, plausible.toString().length() / 2));
            case "empty body" -> "";
            case "top-level array" -> "[" + plausible + "]";
            case "odd content type" -> {
                headers.put("Content-Type", List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "application/json; charset=latin-1", "application/x-www-form-urlencoded").get(random.nextInt(5)));
                yield plausible.toString();
            }
            default -> plausible.toString();
        };
        if (kind.equals("invalid UTF-8")) {
            byte[] bytes = plausible.toString().getBytes(StandardCharsets.UTF_8);
            byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 2);
            broken[Math.max(0, bytes.length - 1)] = (byte) 0xC3;
            broken[bytes.length] = (byte) 0x28;
            broken[bytes.length + 1] = '}';
            return broken;
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String mutated(List<String> candidates, Random random, StringBuilder mutation, String where) {
        String value = candidates.get(random.nextInt(candidates.size()));
        note(mutation, where + " = " + (value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value));
        return value;
    }

    private static void note(StringBuilder mutation, String what) {
        mutation.append(mutation.length() == 0 ? "" : "; ").append(what);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
