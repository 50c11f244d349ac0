package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard serve} with {@code PLUGBOARD_LOG_FORMAT=json} and the access log on, as a real
 * process: every line on standard error is a JSON object, and each access line carries the request
 * id the response echoed, the caller's when it is valid and a new one when it is not.
 */
class LogFormatProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void givenJsonLogs_serve_writesJsonLines_whoseAccessLinesCarryTheEchoedRequestIds() throws Exception {
        PlugboardProcess plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PORT", "0",
                "PLUGBOARD_LOG_FORMAT", "json", "PLUGBOARD_HTTP_ACCESS_LOG", "true",
                "PLUGBOARD_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString()));
        Process serve = plugboard.start("serve");
        try {
            Matcher address = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)")
                    .matcher(plugboard.awaitErrorLine(serve, "Plugboard is listening on"));
            assertThat(address.find()).isTrue();
            URI base = URI.create("http://" + address.group(1));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(base.resolve("/api/plugins?token=s3cret"))
                    .header("X-Request-Id", "ops-check.42").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .header("X-Request-Id", "not valid; {\"injected\":1}").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("ops-check.42");
            assertThat(JSON.readTree(refused.body()).path("requestId").asText()).isEqualTo("ops-check.42");
            String generated = health.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(generated).matches("[0-9a-f-]{36}");

            List<JsonNode> access = awaitAccessLines(plugboard, serve, 2);
            assertThat(access).anySatisfy(line -> {
                assertThat(line.path("requestId").asText()).isEqualTo("ops-check.42");
                assertThat(line.path("message").asText()).matches("GET /api/plugins 401 \\d+ms");
            });
            assertThat(access).anySatisfy(line -> assertThat(line.path("requestId").asText()).isEqualTo(generated));
            assertThat(Files.readString(folder.resolve("stderr.txt"))).doesNotContain("s3cret", "injected");
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        for (String line : Files.readAllLines(folder.resolve("stderr.txt"))) {
            if (!line.isBlank()) {
                JsonNode parsed = parse(line);
                assertThat(parsed.isObject()).as(line).isTrue();
                assertThat(parsed.path("@timestamp").asText()).as(line).matches("\\d{4}-\\d\\d-\\d\\dT.*");
                assertThat(parsed.path("level").asText()).as(line).isNotBlank();
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** The access lines so far, parsed; the line of a request is written as its response goes out. */
    private List<JsonNode> awaitAccessLines(PlugboardProcess plugboard, Process serve, int atLeast) throws Exception {
        for (int tries = 0; tries < 50; tries++) {
            List<JsonNode> access = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("stderr.txt"))) {
                if (line.contains("dev.plugboard.access")) {
                    access.add(JSON.readTree(line));
                }
            }
            if (access.size() >= atLeast || !serve.isAlive()) {
                return access;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " access lines:\n" + plugboard.outcome(-1));
    }
}
