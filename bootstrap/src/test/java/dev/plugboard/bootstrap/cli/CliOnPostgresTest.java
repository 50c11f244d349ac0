package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.cli.PlugboardCommand;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real commands, wired as {@code PlugboardMain} wires them, against a real PostgreSQL (the
 * embedded one in a temporary data folder): what an operator types, and what they get back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-webhook-token";

    @TempDir
    static Path data;
    private static LaunchConfiguration launch;
    private static ApplicationContext context;

    @BeforeAll
    static void startTheDatabaseAndTheContext() throws Exception {
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        launch = LaunchConfiguration.resolve(Map.of("plugboard.data-dir", data.resolve("data").toString(),
                "plugboard.plugins-dir", plugins.toString()), true);
        context = ApplicationContext.builder().properties(launch.properties()).start();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (launch != null) {
            launch.close();
        }
    }

    @Test
    @Order(1)
    void givenFreshDatabase_dbInfo_showsTheEmbeddedDatabaseMigrated() throws Exception {
        Result info = run("db", "info", "--json");

        assertThat(info.exitCode).as(info.toString()).isZero();
        JsonNode json = JSON.readTree(info.out);
        assertThat(json.get("url").asText()).startsWith("jdbc:postgresql://");
        assertThat(json.get("embedded").asBoolean()).isTrue();
        assertThat(json.get("schemaVersion").isNull()).isFalse();
        assertThat(json.get("pending")).isEmpty();
        assertThat(run("db", "migrate").out).contains("is up to date at schema version");
        // The embedded server asks for the password of the data folder; no output ever shows it.
        String password = Files.readString(data.resolve("data").resolve("db-password")).strip();
        assertThat(launch.embeddedDatabase().orElseThrow().password()).isEqualTo(password);
        assertThat(info.out + info.err + run("db", "info").out).doesNotContain(password);
    }

    @Test
    @Order(2)
    void givenBuiltinAnalytics_disable_isStoredAndListedAsDisabled() throws Exception {
        Result disabled = run("plugins", "disable", "analytics");

        assertThat(disabled.exitCode).as(disabled.toString()).isZero();
        assertThat(disabled.out).contains("Plugin analytics", "is disabled.");
        JsonNode plugins = JSON.readTree(run("plugins", "list", "--json").out);
        assertThat(plugins).anySatisfy(p -> {
            assertThat(p.get("name").asText()).isEqualTo("analytics");
            assertThat(p.get("enabled").asBoolean()).isFalse();
        });
        assertThat(run("plugins", "list").out).containsPattern("(?m)^analytics\\s+\\S+\\s+disabled");
        assertThat(run("plugins", "enable", "analytics").exitCode).isZero();
    }

    @Test
    @Order(2)
    void givenTheBuiltins_listWithCapabilityAndSearch_filtersInTheDatabase() throws Exception {
        Result byCapability = run("plugins", "list", "--capability", "event:message.sent", "--json");
        Result bySearch = run("plugins", "list", "--search", "WEBHOOK", "--json");
        Result both = run("plugins", "list", "--search", "webhook", "--capability", "event:message.sent");

        assertThat(byCapability.exitCode).as(byCapability.toString()).isZero();
        assertThat(JSON.readTree(byCapability.out)).extracting(p -> p.get("name").asText()).containsExactly("analytics");
        assertThat(JSON.readTree(bySearch.out)).extracting(p -> p.get("name").asText()).containsExactly("webhook");
        assertThat(both.out.strip()).isEqualTo("No plugins match.");
    }

    @Test
    @Order(3)
    void givenUnknownPlugin_show_exitsThree() {
        Result result = run("plugins", "show", "no-such-plugin");

        assertThat(result.exitCode).isEqualTo(3);
        assertThat(result.err).startsWith("plugboard: error: ").contains("no-such-plugin");
    }

    @Test
    @Order(4)
    void givenRegisteredPluginWithSecret_installs_storeSettingsButNeverPrintTheSecret() throws Exception {
        Path folder = Files.createDirectories(data.resolve("manifests/notifier"));
        Files.writeString(folder.resolve("plugin.yaml"), """
                name: notifier
                version: 1.0.0
                displayName: Notifier
                settingsSchema:
                  type: object
                  required: [url]
                  properties:
                    url: {type: string, pattern: "^https://"}
                    retries: {type: integer, maximum: 5}
                    token: {type: string, writeOnly: true}
                  additionalProperties: false
                """);
        assertThat(run("plugins", "register", folder.resolve("plugin.yaml").toString()).out).contains("Registered plugin notifier");
        Path bad = Files.writeString(data.resolve("bad.json"), "{\"url\": \"http://x\", \"retries\": 9, \"colour\": 1}");
        Path good = Files.writeString(data.resolve("good.json"), "{\"url\": \"https://x.test\", \"token\": \"" + SECRET + "\"}");

        Result invalid = run("installs", "add", "notifier", "--user", "alice", "--settings", bad.toString());
        assertThat(invalid.exitCode).isEqualTo(4);
        assertThat(invalid.err).contains("plugboard: error: /colour: ", "plugboard: error: /retries: ", "plugboard: error: /url: ");

        Result added = run("installs", "add", "notifier", "--user", "alice", "--settings", good.toString());
        assertThat(added.exitCode).as(added.toString()).isZero();
        assertThat(added.out).contains("\"token\":\"(set)\"").doesNotContain(SECRET);

        Result again = run("installs", "add", "notifier", "--user", "alice");
        assertThat(again.exitCode).isEqualTo(5);

        Result listed = run("installs", "list", "--user", "alice", "--json");
        assertThat(listed.out).doesNotContain(SECRET);
        assertThat(JSON.readTree(listed.out).get(0).get("settings").get("token").asText()).isEqualTo("(set)");
        assertThat(run("installs", "validate", "notifier", "--settings", bad.toString()).exitCode).isEqualTo(4);
        assertThat(run("installs", "remove", "notifier", "--user", "alice").exitCode).isZero();
        assertThat(run("installs", "remove", "notifier", "--user", "alice").exitCode).isEqualTo(3);
    }

    @Test
    @Order(5)
    void givenOperations_auditList_recordsTheOperator() throws Exception {
        JsonNode entries = JSON.readTree(run("audit", "list", "--since", "1h", "--target", "plugin:analytics", "--json").out);

        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).get("actor").asText()).isEqualTo("operator:" + System.getProperty("user.name"));
        assertThat(run("runs", "list", "--user", "alice").out).contains("No runs match.");
    }

    @Test
    @Order(6)
    void givenTheServersSecret_token_isSignedWithIt() throws Exception {
        Result token = run("token", "--user", "alice", "--role", "admin");

        assertThat(token.exitCode).isZero();
        String secret = String.valueOf(launch.properties().get("plugboard.jwt.secret"));
        SignedJWT jwt = SignedJWT.parse(token.out.strip());
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
    }

    @Test
    @Order(7)
    void givenBadOption_itIsAUsageError() {
        Result result = run("plugins", "list", "--colour");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).startsWith("plugboard: error: Unknown option: '--colour'");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = PlugboardCommand.commandLine(new MicronautFactory(context), args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
