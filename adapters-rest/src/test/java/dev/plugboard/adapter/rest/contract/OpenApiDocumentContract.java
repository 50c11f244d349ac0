package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is one clients can trust: YAML and the same JSON, every operation named,
 * summarised and tagged, every error answer problem+json with an example of its own status, and the
 * answers an operation's shape implies declared (a token: 401; a body: 400, 413, 415; a path value: 404;
 * {@code If-Match}: 412; every request: 429). It writes the document it read to {@code target/openapi/},
 * where {@code .ci/spectral} lints it.
 */
public abstract class OpenApiDocumentContract extends ApiContract {

    /** The operations anyone may call without a token. */
    private static final Set<String> PUBLIC = Set.of("GET /health", "GET /metrics", "POST /hooks/{workflowId}");
    /** The operations that never touch the database, so never answer 503 for it. */
    private static final Set<String> WITHOUT_DATABASE = Set.of("GET /metrics");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void givenTheDocument_itIsServedAsApplicationYaml_andAsTheSameJsonAtDotJson() throws IOException {
        ApiResponse yaml = api().get("/swagger/plugboard.yml", Who.anonymous());
        ApiResponse json = api().get("/swagger/plugboard.json", Who.anonymous());

        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(json.body())).isEqualTo(new YAMLMapper().readTree(yaml.body()));
        Path folder = Files.createDirectories(Path.of("target", "openapi"));
        Files.writeString(folder.resolve("plugboard.yml"), yaml.body(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("plugboard.json"), json.body(), StandardCharsets.UTF_8);
    }

    @Test
    void givenEveryOperation_itHasAUniqueOperationIdASummaryAndDeclaredTags() {
        JsonNode document = document();
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(tag -> declaredTags.add(tag.path("name").asText()));
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();

        eachOperation(document, (name, operation) -> {
            String id = operation.path("operationId").asText();
            if (id.isBlank() || !ids.add(id)) {
                wrong.add(name + ": operationId '" + id + "' missing or not unique");
            }
            if (operation.path("summary").asText().isBlank()) {
                wrong.add(name + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                wrong.add(name + ": no tag");
            }
            operation.path("tags").forEach(tag -> {
                if (!declaredTags.contains(tag.asText())) {
                    wrong.add(name + ": tag '" + tag.asText() + "' not declared at the top");
                }
            });
        });

        assertThat(ids).as("operations").hasSizeGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenEveryErrorAnswer_itIsAProblemWithAnExampleOfItsOwnStatus() {
        JsonNode document = document();
        List<String> wrong = new ArrayList<>();
        int[] errors = {0};

        eachOperation(document, (name, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            int status = Integer.parseInt(answer.getKey());
            if (status < 400 || name.equals("GET /health") && status == 503) {
                return; // /health's 503 is the health document saying DOWN, as its 200 says UP
            }
            errors[0]++;
            JsonNode problem = answer.getValue().path("content").path("application/problem+json");
            if (!problem.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                wrong.add(name + " " + status + ": not the Problem schema");
            }
            List<JsonNode> examples = new ArrayList<>();
            problem.path("examples").forEach(example -> examples.add(resolve(document, example).path("value")));
            if (examples.isEmpty() || examples.stream().anyMatch(example -> example.path("status").asInt() != status
                    || example.path("code").asText().isBlank())) {
                wrong.add(name + " " + status + ": no example, or one of another status or without a code: " + examples);
            }
        }));

        assertThat(errors[0]).as("error answers").isGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    @Test
    void givenEveryOperation_theAnswersItsShapeImplies_areDeclared() {
        JsonNode document = document();
        List<String> wrong = new ArrayList<>();

        eachOperation(document, (name, operation) -> {
            Set<Integer> declared = new HashSet<>();
            operation.path("responses").fieldNames().forEachRemaining(code -> declared.add(Integer.parseInt(code)));
            boolean secured = !operation.path("security").isEmpty();
            expect(wrong, name, declared, 429, "every request is rate limited");
            if (PUBLIC.contains(name) == secured) {
                wrong.add(name + (secured ? ": public, yet marked as needing a token" : ": needs a token, yet marked public"));
            }
            if (secured) {
                expect(wrong, name, declared, 401, "it needs a token");
            }
            if (!WITHOUT_DATABASE.contains(name)) {
                expect(wrong, name, declared, 503, "it reads or writes the database");
            }
            if (operation.has("requestBody")) {
                expect(wrong, name, declared, 400, "it reads a body");
                expect(wrong, name, declared, 413, "it reads a body");
            }
            if (operation.has("requestBody") && !name.startsWith("POST /hooks/")) {
                expect(wrong, name, declared, 415, "it reads JSON (a webhook reads any content type)");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asText().equals("path")) {
                    expect(wrong, name, declared, 404, "it names a resource in its path");
                }
                if (parameter.path("name").asText().equalsIgnoreCase("If-Match")) {
                    expect(wrong, name, declared, 412, "it takes If-Match");
                }
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void givenThePublicOperations_noneAsksForAToken_andTheDocumentHasNoBlanketRequirement() {
        JsonNode document = document();

        assertThat(document.path("security").isEmpty()).as("a document-wide security requirement").isTrue();
        for (String name : PUBLIC) {
            String[] parts = name.split(" ");
            JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as(name + " is in the document").isTrue();
            assertThat(operation.path("security").isEmpty()).as(name + " needs no token").isTrue();
        }
    }

    private static void expect(List<String> wrong, String name, Set<Integer> declared, int status, String because) {
        if (!declared.contains(status)) {
            wrong.add(name + ": no " + status + ", though " + because);
        }
    }

    /** The served document, parsed. */
    protected JsonNode document() {
        ApiResponse served = api().get("/swagger/plugboard.yml", Who.anonymous());
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        try {
            return new YAMLMapper().readTree(served.body());
        } catch (IOException e) {
            throw new AssertionError("the served OpenAPI document is not YAML", e);
        }
    }

    /** Calls back with {@code "METHOD /path"} and the operation, for every operation of the document. */
    static void eachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                action.accept(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), entry.getValue());
            }
        }));
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String reference = node.path("$ref").asText();
        return reference.startsWith("#/") ? document.at(reference.substring(1)) : node;
    }

    /** The statuses an operation declares, by {@code "METHOD /path"}. */
    static Map<String, Set<Integer>> declaredStatuses(JsonNode document) {
        Map<String, Set<Integer>> statuses = new HashMap<>();
        eachOperation(document, (name, operation) -> {
            Set<Integer> codes = new HashSet<>();
            operation.path("responses").fieldNames().forEachRemaining(code -> codes.add(Integer.parseInt(code)));
            statuses.put(name, codes);
        });
        return statuses;
    }
}
