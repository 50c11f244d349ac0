package dev.plugboard.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The operations of a served OpenAPI document: method, path template, parameters and the request
 * body's schema with every {@code $ref} to {@code components} followed, which is what the fuzzer
 * needs to make requests the server should understand, and then ones it should refuse.
 */
record OpenApiOperations(JsonNode document, List<Operation> operations) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** One parameter: where it goes ({@code path}, {@code query}, {@code header}), its name and schema. */
    record Parameter(String in, String name, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Optional<JsonNode> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static OpenApiOperations parse(String yaml) {
        try {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            List<Operation> operations = new ArrayList<>();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(operation(document, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
                }
            }));
            return new OpenApiOperations(document, List.copyOf(operations));
        } catch (IOException e) {
            throw new UncheckedIOException("the served OpenAPI document is not YAML", e);
        }
    }

    private static Operation operation(JsonNode document, String method, String path, JsonNode spec) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : spec.path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            parameters.add(new Parameter(resolved.path("in").asText(), resolved.path("name").asText(),
                    resolved.path("required").asBoolean(false), resolve(document, resolved.path("schema"))));
        }
        JsonNode content = spec.path("requestBody").path("content");
        Optional<JsonNode> body = content.isMissingNode() ? Optional.empty()
                : Optional.of(resolve(document, content.path("application/json").path("schema")));
        return new Operation(method, path, List.copyOf(parameters), body);
    }

    /** The node itself, or what its {@code $ref} names in this document. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String reference = current.path("$ref").asText();
            if (!reference.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = document.at(reference.substring(1));
        }
        return current;
    }
}
