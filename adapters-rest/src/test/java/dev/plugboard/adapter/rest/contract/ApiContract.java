package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP contract suites. A subclass says where the server is ({@link #target()}); the
 * suite registers its own plugins, uses fresh users in every test, and checks at the end that no
 * response carried a secret or a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiContract {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\.java:\\d+\\)");

    private ApiClient api;
    private final List<String> secrets = new ArrayList<>();

    /** The server under test. */
    protected abstract ApiTarget target();

    protected final ApiClient api() {
        if (api == null) {
            api = new ApiClient(target());
            ContractPlugins.ensureRegistered(api, target());
        }
        return api;
    }

    /** A secret value this suite sends: {@link #noResponseLeakedASecretOrAStackTrace} looks for it everywhere. */
    protected final String secret(String prefix) {
        String value = Who.unique(prefix + "-s3cr3t");
        secrets.add(value);
        return value;
    }

    @AfterAll
    final void noResponseLeakedASecretOrAStackTrace() {
        if (api == null) {
            return;
        }
        for (ApiResponse response : api.seen()) {
            for (String secret : secrets) {
                assertThat(response.body()).as("%s must not contain a secret", response.request()).doesNotContain(secret);
            }
            assertThat(STACK_FRAME.matcher(response.body()).find()).as("stack trace in %s", response).isFalse();
        }
    }

    /** Checks the RFC 9457 shape every error shares, and returns the problem. */
    protected static JsonNode problem(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(problem.path("type").asText()).as(response.toString()).isNotBlank();
        assertThat(problem.path("title").asText()).as(response.toString()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(response.toString()).isNotBlank();
        assertThat(problem.path("code").asText()).as(response.toString()).isNotBlank();
        // Every problem quotes the request id the response echoes, so a user can cite it and an operator find its logs.
        assertThat(problem.path("requestId").asText()).as(response.toString()).isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        return problem;
    }

    protected static JsonNode ok(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.body().isEmpty() ? null : response.json();
    }

    /** Installs {@code plugin} for {@code who} and returns the installation. */
    protected final JsonNode install(Who who, String plugin, String body) {
        return ok(body == null ? api().post(installPath(plugin), who) : api().post(installPath(plugin), who, body), 201);
    }

    /** Queues a run and returns it. */
    protected final JsonNode startRun(Who who, String plugin) {
        return ok(api().post("/api/user/plugins/" + plugin + "/runs", who, "{\"input\": {\"text\": \"hello\"}}"), 202);
    }

    protected static String installPath(String plugin) {
        return "/api/user/plugins/" + plugin + "/install";
    }

    protected static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }
}
