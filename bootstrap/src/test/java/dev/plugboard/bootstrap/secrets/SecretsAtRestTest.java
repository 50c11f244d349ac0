package dev.plugboard.bootstrap.secrets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.PlugboardApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret settings never reach the disk, a log, a response or the audit trail in clear, however
 * deep the schema puts them; a ciphertext copied to another installation fails loudly.
 * A server of its own on a fresh data folder, so that its files can be searched after it stops.
 */
class SecretsAtRestTest {

    private static final String MARKER = "MARKER-whsec-7f3a9c1e5b";
    private static final String NESTED_PLUGIN = "secrets-nested";
    private static final String NESTED = """
            {"name": "secrets-nested", "version": "1.0.0", "execution": {"mode": "external"},
             "settingsSchema": {
               "type": "object",
               "$defs": {"credential": {"type": "object", "properties": {"key": {"type": "string", "writeOnly": true}}}},
               "properties": {
                 "primary": {"$ref": "#/$defs/credential"},
                 "tokens": {"type": "array", "items": {"type": "string", "writeOnly": true, "minLength": 8}},
                 "extra": {"allOf": [{"type": "object", "properties": {"pin": {"type": "string", "writeOnly": true}}}]}
               }}}""";

    private static Path data;
    private static PlugboardApplication server;
    private static ApiClient api;
    private static ListAppender<ILoggingEvent> logs;
    private static final Who ADMIN = Who.newAdmin();

    @BeforeAll
    static void startServer() throws IOException {
        data = Files.createTempDirectory("plugboard-secrets");
        Files.createDirectories(data.resolve("plugins"));
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        restart();
        ContractPlugins.register(api, ADMIN, ContractPlugins.webhook());
        ContractPlugins.register(api, ADMIN, NESTED);
    }

    @AfterAll
    static void stopServer() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenSecretsFlatAndNested_noResponseAuditEntryLogOrFileOfTheDataFolderHoldsThem() throws Exception {
        Who alice = Who.newUser("alice");
        ApiResponse flat = api.post("/api/user/plugins/contract-webhook/install", alice,
                "{\"settings\": {\"url\": \"https://example.test/h\", \"token\": \"" + MARKER + "-flat\"}}");
        ApiResponse nested = api.post("/api/user/plugins/" + NESTED_PLUGIN + "/install", alice, """
                {"settings": {"primary": {"key": "%1$s-ref"}, "tokens": ["%1$s-item0", "%1$s-item1"],
                              "extra": {"pin": "%1$s-allof"}}}""".formatted(MARKER));
        assertThat(flat.status()).as(flat.toString()).isEqualTo(201);
        assertThat(nested.status()).as(nested.toString()).isEqualTo(201);
        JsonNode shown = nested.json().path("settings");
        assertThat(shown.at("/primary/key").asText()).isEqualTo("(set)");
        assertThat(shown.at("/tokens/1").asText()).isEqualTo("(set)");
        assertThat(shown.at("/extra/pin").asText()).isEqualTo("(set)");

        api.get("/api/user/plugins/" + NESTED_PLUGIN, alice);
        api.get("/api/user/plugins", alice);
        api.put("/api/user/plugins/" + NESTED_PLUGIN + "/config", alice,
                "{\"settings\": {\"tokens\": [\"(set)\", \"short\"]}}", Map.of());
        ApiResponse invalid = api.post("/api/user/plugins/" + NESTED_PLUGIN + "/settings/validate", alice,
                "{\"settings\": {\"tokens\": [\"" + MARKER + "\", \"x\"]}}");
        assertThat(invalid.json().path("valid").asBoolean()).isFalse();
        api.put("/api/user/plugins/contract-webhook/config", alice, "{\"settings\": {\"retries\": 2}}", Map.of());
        ApiResponse audit = api.get("/api/admin/audit?target=installation:user:" + alice.user() + "/" + NESTED_PLUGIN, ADMIN);
        assertThat(audit.json().path("items").size()).isGreaterThanOrEqualTo(2);

        assertThat(api.seen()).allSatisfy(response -> assertThat(response.body()).doesNotContain(MARKER));
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(MARKER));
        assertThat(columnValues("SELECT settings::text || secrets::text FROM installations"))
                .allSatisfy(row -> assertThat(row).doesNotContain(MARKER).doesNotContain("whsec"));

        server.close();
        server = null;
        assertThat(filesContaining(data, MARKER.getBytes(StandardCharsets.UTF_8))).isEmpty();
        restart();
    }

    @Test
    void givenCiphertextCopiedToAnotherInstallation_itFailsToOpenWithAClearErrorNotAWrongValue() throws Exception {
        Who bob = Who.newUser("bob");
        Who carol = Who.newUser("carol");
        for (Who who : List.of(bob, carol)) {
            ApiResponse installed = api.post("/api/user/plugins/contract-webhook/install", who,
                    "{\"settings\": {\"url\": \"https://example.test/h\", \"token\": \"token-of-" + who.user() + "\"}}");
            assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        }
        execute("UPDATE installations SET secrets = (SELECT secrets FROM installations WHERE user_id = ?) WHERE user_id = ?",
                bob.user(), carol.user());

        ApiResponse run = api.post("/api/user/plugins/contract-webhook/runs", carol, "{\"input\": {}}");
        ApiResponse claim = api.post("/api/worker/runs/claim", Who.newUser("worker").withRoles("worker"),
                "{\"plugins\": [\"contract-webhook\"], \"max\": 10, \"leaseSeconds\": 30}");
        ApiResponse failed = api.get("/api/user/runs/" + run.json().path("id").asText(), carol);
        ApiResponse keep = api.put("/api/user/plugins/contract-webhook/config", carol,
                "{\"settings\": {\"retries\": 1}}", Map.of());

        assertThat(claim.body()).doesNotContain("token-of-bob");
        assertThat(failed.json().path("status").asText()).isEqualTo("failed");
        assertThat(failed.json().path("error").path("code").asText()).isEqualTo("SECRET_UNREADABLE");
        assertThat(keep.status()).as(keep.toString()).isEqualTo(409);
        assertThat(keep.json().path("code").asText()).isEqualTo("secret_unreadable");
        assertThat(keep.json().path("detail").asText()).contains("/token").doesNotContain("token-of");
        ApiResponse overwritten = api.put("/api/user/plugins/contract-webhook/config", carol,
                "{\"settings\": {\"token\": \"a-new-token-for-carol\"}}", Map.of());
        assertThat(overwritten.status()).as(overwritten.toString()).isEqualTo(200);
    }

    @Test
    void givenAPlainTextSecretLeftByAnOlderVersion_theNextStartEncryptsIt() throws Exception {
        Who dave = Who.newUser("dave");
        ApiResponse installed = api.post("/api/user/plugins/contract-webhook/install", dave,
                "{\"settings\": {\"url\": \"https://example.test/h\"}}");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        // What a version before encryption stored: the secret in the settings column, nothing sealed.
        execute("UPDATE installations SET settings = settings || '{\"token\": \"legacy-plain-token\"}'::jsonb,"
                + " secrets = '{}'::jsonb WHERE user_id = ?", dave.user());

        server.close();
        restart();

        assertThat(columnValues("SELECT settings::text FROM installations WHERE user_id = '" + dave.user() + "'"))
                .singleElement().asString().contains("\"token\": \"(set)\"").doesNotContain("legacy-plain-token");
        assertThat(columnValues("SELECT secrets ->> '/token' FROM installations WHERE user_id = '" + dave.user() + "'"))
                .singleElement().asString().startsWith("tink1:");
        ApiResponse shown = api.get("/api/user/plugins/contract-webhook", dave);
        assertThat(shown.json().at("/settings/token").asText()).isEqualTo("(set)");
        assertThat(shown.json().path("secretsSet").toString()).contains("/token");
    }

    /** A new server on the same data folder, and a client for its new port. */
    private static void restart() {
        server = PlugboardApplication.start(Map.of("plugboard.data-dir", data.toString(),
                "plugboard.plugins-dir", data.resolve("plugins").toString(),
                "plugboard.jwt.secret", "secrets-at-rest-test-secret-of-32-bytes-or-more",
                "micronaut.server.port", -1));
        api = new ApiClient(target());
    }

    private static ApiTarget target() {
        return new ApiTarget() {
            @Override
            public URI baseUrl() {
                return server.uri();
            }

            @Override
            public String jwtSecret() {
                return "secrets-at-rest-test-secret-of-32-bytes-or-more";
            }
        };
    }

    private static List<Path> filesContaining(Path root, byte[] needle) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    continue;
                }
                if (indexOf(bytes, needle) >= 0) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<String> columnValues(String query) throws SQLException {
        return new RawSql(server.context()).strings(query);
    }

    private static void execute(String statement, String... parameters) throws SQLException {
        new RawSql(server.context()).execute(statement, parameters);
    }
}
