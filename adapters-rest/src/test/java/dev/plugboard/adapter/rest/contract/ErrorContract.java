package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static dev.plugboard.adapter.rest.contract.ContractPlugins.NOTES;
import static org.assertj.core.api.Assertions.assertThat;

/** What goes wrong at the HTTP level is a 4xx problem+json, never a 500 and never a stack trace. */
public abstract class ErrorContract extends ApiContract {

    @Test
    void givenNoToken_isA401Problem_withAChallenge() {
        ApiResponse response = api().get("/api/plugins", Who.anonymous());

        assertThat(problem(response, 401).path("detail").asText()).contains("bearer token");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void givenAValidRequestId_theProblem_quotesIt_andTheHeaderEchoesIt() {
        Who alice = Who.newUser("alice");
        ApiResponse response = api().send("GET", "/api/admin/audit", alice, null, Map.of("X-Request-Id", "support-ticket_7.a"));

        JsonNode problem = problem(response, 403);
        assertThat(response.header("X-Request-Id")).isEqualTo("support-ticket_7.a");
        assertThat(problem.path("requestId").asText()).isEqualTo("support-ticket_7.a");
    }

    @Test
    void givenAnInvalidRequestId_aNewOne_replacesIt_inTheHeaderAndTheProblem() {
        String tooLong = "x".repeat(129);
        for (String invalid : new String[] {"has space", tooLong, "quote\"", "semi;colon"}) {
            ApiResponse response = api().send("GET", "/api/plugins", Who.anonymous(), null, Map.of("X-Request-Id", invalid));

            JsonNode problem = problem(response, 401);
            assertThat(response.header("X-Request-Id")).as(invalid).isNotEqualTo(invalid).matches("[0-9a-f-]{36}");
            assertThat(problem.path("requestId").asText()).isEqualTo(response.header("X-Request-Id"));
        }
    }

    @Test
    void givenBrokenTokens_each_isA401Problem() {
        Who alice = Who.newUser("alice");
        Tokens tokens = api().tokens();
        for (String token : new String[] {"not-a-jwt", tokens.expired(alice), tokens.signedWithAnotherSecret(alice),
                tokens.unsigned(alice), tokens.of(alice) + "x"}) {
            problem(api().sendWithToken("GET", "/api/plugins", token, null, Map.of()), 401);
        }
    }

    @Test
    void givenNoAdminRole_isA403Problem() {
        Who alice = Who.newUser("alice");
        JsonNode problem = problem(api().get("/api/admin/audit", alice), 403);

        assertThat(problem.path("code").asText()).isEqualTo("forbidden");
        assertThat(problem.path("detail").asText()).contains("role");
    }

    @Test
    void givenMalformedJson_isA400Problem() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);

        problem(api().put("/api/user/plugins/" + NOTES + "/config", alice, "{\"settings\": {", Map.of()), 400);
        problem(api().post("/api/user/plugins/" + NOTES + "/toggle", alice, "not json at all"), 400);
        JsonNode problem = problem(api().post("/api/admin/plugins", Who.newAdmin(), "[1, 2"), 400);

        assertThat(problem.path("detail").asText()).contains("line 1").doesNotContain("dev.plugboard", "Map<", "class ");
    }

    @Test
    void givenWrongTypes_isA400Problem() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);

        JsonNode problem = problem(api().put("/api/user/plugins/" + NOTES + "/config", alice,
                "{\"settings\": \"red\"}", Map.of()), 400);
        assertThat(problem.path("detail").asText()).contains("expected an object but found a string")
                .doesNotContain("dev.plugboard", "Map<", "class ");
        problem(api().put("/api/user/plugins/" + NOTES + "/config", alice, "{\"settings\": [1, 2]}", Map.of()), 400);
        problem(api().post("/api/user/plugins/" + NOTES + "/toggle", alice, "{\"enabled\": {\"yes\": true}}"), 400);
        problem(api().post("/api/user/plugins/" + NOTES + "/toggle", alice, "{\"enabled\": \"yes\"}"), 400);
        problem(api().post("/api/user/plugins/" + NOTES + "/install", Who.newUser("bob"), "{\"enabled\": 1}"), 400);
        problem(api().post("/api/user/plugins/" + NOTES + "/runs", alice, "{\"idempotencyKey\": {}}"), 400);
        problem(api().post("/api/user/plugins/" + NOTES + "/runs", alice, "{\"input\": 42}"), 400);
        problem(api().post("/api/admin/plugins", Who.newAdmin(), "[]"), 400);
        // A number no BigDecimal can hold (found by ManifestReaderFuzzTest in the manifest reader).
        problem(api().put("/api/user/plugins/" + NOTES + "/config", alice,
                "{\"settings\": {\"n\": 2555555555e55555555555}}", Map.of()), 400);
        problem(api().post("/api/admin/plugins", Who.newAdmin(),
                "{\"name\": \"contract-huge\", \"version\": \"1.0.0\", \"n\": 2555555555e55555555555}"), 400);
    }

    @Test
    void givenANulCharacterInAQueryParameterOrPath_isA400NamingIt() {
        Who alice = Who.newUser("alice");
        for (String parameter : java.util.List.of("q", "category", "tag", "capability")) {
            JsonNode refused = problem(api().get("/api/plugins?" + parameter + "=a%00b", alice), 400);
            assertThat(refused.path("detail").asText()).as(parameter).contains(parameter).contains("U+0000");
        }
        JsonNode audit = problem(api().get("/api/admin/audit?target=%00", Who.newAdmin()), 400);
        assertThat(audit.path("detail").asText()).contains("target").contains("U+0000");
        problem(api().get("/api/user/plugins/notes%00", alice), 400);
        // Found by the HTTP fuzzer: a slug is looked up as it comes, and PostgreSQL refused it with a 500.
        JsonNode slug = problem(api().get("/api/user/workflows/a%00b", alice), 400);
        assertThat(slug.path("detail").asText()).contains("path").contains("U+0000");
        String cursorWithNul = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("contract-page-a\u0000".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode cursor = problem(api().get("/api/plugins?after=" + cursorWithNul, alice), 400);
        assertThat(cursor.path("detail").asText()).contains("cursor");
    }

    @Test
    void givenANulCharacterInABody_isA400NamingTheField_andStoresNothing() {
        Who alice = Who.newUser("alice");
        String nul = "\\u0000";

        JsonNode settings = problem(api().post(installPath(ContractPlugins.WEBHOOK), alice,
                "{\"settings\": {\"url\": \"https://hooks.example.test/" + nul + "\", \"token\": \"t-" + nul + "\"}}"), 400);
        assertThat(settings.path("detail").asText()).contains("/url").contains("U+0000").doesNotContain("hooks.example.test");
        problem(api().get("/api/user/plugins/" + ContractPlugins.WEBHOOK, alice), 404);

        install(alice, NOTES, null);
        JsonNode key = problem(api().post("/api/user/plugins/" + NOTES + "/runs", alice,
                "{\"input\": {}, \"idempotencyKey\": \"k-" + nul + "\"}"), 400);
        assertThat(key.path("detail").asText()).contains("idempotency key").contains("U+0000");
        assertThat(ok(api().get("/api/user/runs?plugin=" + NOTES, alice), 200).path("items")).as("no run started").isEmpty();

        JsonNode event = problem(api().post("/api/events", alice,
                "{\"type\": \"contract.nul\", \"data\": {\"userId\": \"" + nul + "\"}}"), 400);
        assertThat(event.path("detail").asText()).contains("/userId").contains("U+0000");
        JsonNode eventKey = problem(api().post("/api/events", alice,
                "{\"type\": \"contract.nul\", \"data\": {}, \"idempotencyKey\": \"k-" + nul + "\"}"), 400);
        assertThat(eventKey.path("detail").asText()).contains("idempotency key").contains("U+0000");

        JsonNode manifest = problem(api().post("/api/admin/plugins", Who.newAdmin(),
                "{\"name\": \"contract-nul\", \"version\": \"1.0.0\", \"displayName\": \"Nul " + nul + "\"}"), 400);
        assertThat(manifest.path("detail").asText()).contains("U+0000");
        problem(api().get("/api/plugins/contract-nul", alice), 404);
    }

    @Test
    void givenAnUnknownField_isA400ProblemNamingItAndTheAcceptedOnes_andChangesNothing() {
        Who alice = Who.newUser("alice");
        install(alice, NOTES, null);

        JsonNode problem = problem(api().post("/api/user/plugins/" + NOTES + "/toggle", alice,
                "{\"enabled\": false, \"enabeld\": true}"), 400);
        assertThat(problem.path("detail").asText()).contains("unknown field 'enabeld'").contains("accepted fields: enabled");
        assertThat(ok(api().get("/api/user/plugins/" + NOTES, alice), 200).path("enabled").asBoolean())
                .as("the refused request switched nothing off").isTrue();

        JsonNode runProblem = problem(api().post("/api/user/plugins/" + NOTES + "/runs", alice,
                "{\"input\": {}, \"idempotency_key\": \"k-1\"}"), 400);
        assertThat(runProblem.path("detail").asText())
                .contains("unknown field 'idempotency_key'").contains("input", "idempotencyKey");
        // Free-form objects (settings, input, event data) stay free-form: their schema judges them, not this rule.
        ok(api().put("/api/user/plugins/" + NOTES + "/config", alice, "{\"settings\": {}}", Map.of()), 200);
    }

    @Test
    void givenAnOversizedBody_isA413Problem() {
        Who alice = Who.newUser("alice");
        String huge = "{\"settings\": {\"color\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";

        ApiResponse response = api().exchange("PUT oversized", HttpRequest.newBuilder(
                        api().uri("/api/user/plugins/" + NOTES + "/config"))
                .header("Authorization", api().bearer(alice))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(huge)).build());

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        if (!response.body().isEmpty()) {
            problem(response, 413);
        }
    }

    @Test
    void givenBodyBytesThatLookLikeUtf32_isA400NamingTheEncoding_notA500() {
        // Found by RequestBodyFuzzTest: the JSON reader guessed UCS-4 from the first bytes and threw a CharConversionException.
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(api().uri("/api/admin/grants"))
                .header("Content-Type", "application/json").header("Authorization", api().bearer(Who.newAdmin()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 0x6c, 0, 0})).build();
        JsonNode refused = problem(api().exchange("POST /api/admin/grants with UTF-32-looking bytes", request), 400);
        assertThat(refused.path("detail").asText()).contains("UTF-8");
    }

    @Test
    void givenABodyInACharsetThisServerDoesNotKnow_isA415NamingIt_notA500() {
        // Found by OpenApiHttpFuzzTest: the framework's text body reader threw UnsupportedCharsetException.
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(api().uri("/api/admin/state/apply?dryRun=true"))
                .header("Content-Type", "application/json; charset=latin-1").header("Authorization", api().bearer(Who.newAdmin()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        JsonNode refused = problem(api().exchange("POST /api/admin/state/apply in charset latin-1", request), 415);
        assertThat(refused.path("code").asText()).isEqualTo("unsupported_charset");
        assertThat(refused.path("detail").asText()).contains("latin-1", "UTF-8");
    }

    @Test
    void givenANumberWithAHugeExponentInABody_isA400AtOnce_notMinutesOfArithmetic() {
        // SettingsPolicyFuzzTest found 98E99999999 becoming an integer of a hundred million digits where JSON text is
        // read into a document (files, manifests); a request body reads it as a double, too large to be one.
        JsonNode refused = problem(api().post("/api/user/plugins/" + ContractPlugins.NOTES + "/settings/validate",
                Who.newUser("alice"), "{\"settings\": {\"color\": 98E99999999}}"), 400);
        assertThat(refused.path("detail").asText()).contains("color");
    }

    @Test
    void givenABodyOfWhiteSpaceOnly_isA400SayingSo_notA500() {
        // Found by RequestBodyFuzzTest: the JSON reader ends with an EOFException on a body with no value in it.
        JsonNode refused = problem(api().post("/api/user/plugins/" + ContractPlugins.NOTES + "/runs", Who.newUser("alice"), " "), 400);
        assertThat(refused.path("detail").asText()).contains("white space");
    }

    @Test
    void givenOversizedHeadersOrRequestLine_isA431Or414Problem_notA413() {
        for (int kilobytes : new int[] {9, 70}) {
            ApiResponse response = api().sendWithToken("GET", "/api/plugins", "x".repeat(kilobytes * 1024), null, Map.of());
            JsonNode problem = problem(response, 431);
            assertThat(problem.path("code").asText()).as(kilobytes + " KB").isEqualTo("request_header_fields_too_large");
            assertThat(problem.path("detail").asText()).contains("max-header-size");
            // The rest of the request was never read: the server closes the connection, and says so (found by the fuzzer).
            assertThat(response.header("Connection")).as(kilobytes + " KB").isEqualToIgnoringCase("close");
        }
        ApiResponse tooLong = api().get("/api/plugins?q=" + "a".repeat(8 * 1024), Who.newUser("alice"));
        JsonNode line = problem(tooLong, 414);
        assertThat(tooLong.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(line.path("detail").asText()).contains("max-initial-line-length");
        ok(api().get("/api/plugins", Who.newUser("alice")), 200);
    }

    @Test
    void givenAnOverlongRequestLineFollowedByABody_the414_reachesTheClient_everyTime() throws Exception {
        // Found by the HTTP fuzzer: the server answers 414 after reading 4 KB and closes; if the rest of the
        // request is still unread then, the kernel resets the connection and the client, still sending the body,
        // never reads the answer. The server drains what the client still sends before it closes.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(api().uri("/api/user/plugins/" + "x".repeat(10 * 1024) + "/runs"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"" + "x".repeat(100 * 1024) + "\"}")).build();
        for (int attempt = 1; attempt <= 30; attempt++) {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("attempt " + attempt).isEqualTo(414);
            assertThat(answer.body()).as("attempt " + attempt).contains("max-initial-line-length");
        }
    }

    @Test
    void givenAnOverlongRequestLine_theServerHalfCloses_andDrainsTheRestOfTheRequest_insteadOfResettingIt() throws Exception {
        URI base = api().uri("/");
        int bodyLength = 300 * 1024;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/plugins/" + "x".repeat(10 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bodyLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).matches("(?s)HTTP/1\\.[01] 414 .*");

            // The answer ended with the server's FIN, yet the client may still send its body: the server reads
            // and drops it. A server that closed outright would reset the connection and these writes would fail.
            byte[] chunk = new byte[16 * 1024];
            for (int sent = 0; sent < bodyLength; sent += chunk.length) {
                out.write(chunk);
                out.flush();
                Thread.sleep(5);
            }
        }
    }

    @Test
    void givenUnknownRoute_isA404Problem() {
        Who alice = Who.newUser("alice");
        problem(api().get("/api/no-such-thing", alice), 404);
    }

    @Test
    void givenWrongMethod_isA405Problem() {
        Who alice = Who.newUser("alice");
        problem(api().send("DELETE", "/api/plugins", alice, null, Map.of()), 405);
    }

    @Test
    void givenWrongContentType_isA415Problem() {
        Who alice = Who.newUser("alice");
        ApiResponse response = api().exchange("POST text/plain", HttpRequest.newBuilder(
                        api().uri("/api/user/plugins/" + NOTES + "/toggle"))
                .header("Authorization", api().bearer(alice))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("enabled")).build());

        problem(response, 415);
    }

    @Test
    void givenManagementOrLoginEndpoints_noneIsExposed() {
        for (String path : new String[] {"/env", "/beans", "/loggers", "/routes", "/threaddump", "/prometheus"}) {
            int status = api().get(path, Who.newAdmin()).status();
            assertThat(status).as(path).isIn(401, 403, 404);
        }
        for (String path : new String[] {"/login", "/oauth/access_token", "/keys"}) {
            int status = api().post(path, Who.anonymous(), "{\"username\": \"admin\", \"password\": \"admin\"}").status();
            assertThat(status).as("POST " + path + " issues no tokens here").isIn(401, 404, 405);
        }
    }

    @Test
    void givenAnyError_theProblemTypeIsAUriAndTheBodyNamesNoJavaClass() {
        Who alice = Who.newUser("alice");
        JsonNode problem = problem(api().get("/api/plugins/no-such-plugin", alice), 404);

        assertThat(problem.path("type").asText()).matches("^(https?://\\S+|about:blank)$");
        assertThat(problem.toString()).doesNotContain("dev.plugboard", "Exception");
    }
}
