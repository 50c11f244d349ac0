package dev.plugboard.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.fuzz.OpenApiOperations.Operation;
import dev.plugboard.bootstrap.rest.FullStackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP fuzzer driven by the served OpenAPI document: for every operation, requests made from its
 * schemas and then broken (wrong types, huge and negative numbers, long and strange strings, nulls,
 * nesting 10,000 deep, extra fields, malformed JSON, odd content types, {@code ..}, {@code %00} and
 * 10 KB path values, garbage {@code If-Match} and {@code Authorization}) go to a real server on
 * PostgreSQL. No answer may be a 5xx; every 4xx is problem+json with a {@code code}; no body holds
 * a stack trace, a Java class name or the secret set up front; the server is healthy at the end.
 *
 * <p>2,000 requests by default; {@code -Pfuzz} sends 100,000 ({@code fuzz.http.requests}).
 * The seed is printed, and {@code -Dfuzz.http.seed=N} repeats a run; every failing request
 * is printed with its own seed.
 */
class OpenApiHttpFuzzTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.http.requests", 2_000);
    private static final long SEED = Long.getLong("fuzz.http.seed", System.nanoTime());
    private static final String MARKER = "fuzz-s3cr3t-" + UUID.randomUUID();

    private static Path folder;
    private static FullStackServer server;
    private static ApiClient api;

    @BeforeAll
    static void serverWithFixtures() {
        folder = FullStackServer.newFolder("plugboard-http-fuzz");
        // Without the rate limit, or nearly every request would be a 429 and test nothing else.
        server = FullStackServer.start(folder, Map.of("plugboard.rate-limit.enabled", false));
        api = new ApiClient(server);
        ContractPlugins.ensureRegistered(api, server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.application().close();
        }
        FullStackServer.delete(folder);
    }

    @Test
    void givenEveryOperationOfTheServedDocument_generatedAndBrokenRequests_getNo5xxOnlyProblemsAndLeakNothing() {
        Who user = Who.newUser("fuzz");
        Who admin = Who.newAdmin();
        Who worker = Who.newUser("fuzz-worker").withRoles("worker");
        Fixtures fixtures = fixtures(user);
        OpenApiOperations api = OpenApiOperations.parse(FuzzTestServer.get(server, "/swagger/plugboard.yml"));
        FuzzRequests requests = new FuzzRequests(api, fixtures, Map.of(
                "user", tokens().of(user), "admin", tokens().of(admin), "worker", tokens().of(worker),
                "expired", tokens().expired(user), "signed with another key", tokens().signedWithAnotherSecret(admin),
                "alg none", tokens().unsigned(admin)));
        List<Operation> operations = api.operations();
        System.out.printf("HTTP fuzz: %d requests over %d operations, seed %d (repeat with -Dfuzz.http.seed=%d)%n",
                REQUESTS, operations.size(), SEED, SEED);

        FuzzVerdicts verdicts = new FuzzVerdicts(List.of(MARKER));
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequest request = requests.make(operations.get(i % operations.size()), SEED * 1_000_003L + i);
            verdicts.judge(request, FuzzTestServer.send(server, request));
        }
        System.out.println(verdicts.summary());

        assertThat(operations).as("operations in the served document").hasSizeGreaterThan(40);
        assertThat(verdicts.failures()).as("failing requests (seed %d); each line has its own seed", SEED).isEmpty();
        assertThat(FuzzTestServer.status(server, "/health")).as("healthy after the fuzz").isEqualTo(200);
        // The fuzz may legitimately have switched the fixtures' plugins off (an administrator's valid request): write anew.
        String fresh = Who.unique("after-fuzz");
        ContractPlugins.register(this.api(), admin, ContractPlugins.minimal(fresh, "after-fuzz"));
        JsonNode installed = ok(this.api().post("/api/user/plugins/" + fresh + "/install", Who.newUser("after-fuzz"), "{}"));
        assertThat(installed.path("plugin").asText()).as("still serving writes").isEqualTo(fresh);
    }

    /** An installation holding the secret marker, a run, a workflow and its run, for path values that exist. */
    private Fixtures fixtures(Who user) {
        ok(api().post("/api/user/plugins/" + ContractPlugins.WEBHOOK + "/install", user,
                "{\"settings\": {\"url\": \"https://example.test/hook\", \"token\": \"" + MARKER + "\"}}"));
        ok(api().post("/api/user/plugins/" + ContractPlugins.NOTES + "/install", user, "{}"));
        String run = ok(api().post("/api/user/plugins/" + ContractPlugins.NOTES + "/runs", user,
                "{\"input\": {\"text\": \"hello\"}}")).path("id").asText();
        JsonNode workflow = ok(api().post("/api/user/workflows", user, "{\"name\": \"Fuzzed\", \"slug\": \"fuzzed\","
                + " \"steps\": [{\"order\": 0, \"plugin\": \"" + ContractPlugins.NOTES + "\", \"inputMapping\": {\"text\": \"{{ trigger.data.text }}\"}}]}"));
        String workflowRun = ok(api().post("/api/user/workflows/fuzzed/runs", user,
                "{\"triggerData\": {\"text\": \"hi\"}}")).path("id").asText();
        List<String> plugins = List.of(ContractPlugins.WEBHOOK, ContractPlugins.NOTES, "analytics", "webhook");
        return new Fixtures(Map.of("name", plugins, "plugin", plugins, "id", List.of(run, workflowRun, UUID.randomUUID().toString()),
                "slug", List.of("fuzzed"), "workflowId", List.of(workflow.path("id").asText()),
                "subject", List.of(user.user()), "role", List.of("admin", "worker"), "owner", List.of("user:" + user.user()),
                "type", List.of("contract.ping", "message.received")));
    }

    private ApiClient api() {
        return api;
    }

    private static dev.plugboard.adapter.rest.contract.Tokens tokens() {
        return api.tokens();
    }

    private static JsonNode ok(dev.plugboard.adapter.rest.contract.ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.json();
    }
}
