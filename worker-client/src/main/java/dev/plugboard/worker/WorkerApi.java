package dev.plugboard.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The four calls of the worker API ({@code /api/worker/runs/...}, role {@code worker}), one HTTP request
 * each, with no retry of its own: {@link Worker} decides when to try again. Errors come back as
 * {@link WorkerApiException}, a lost lease as {@link LeaseLostException}.
 */
public final class WorkerApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param baseUrl        the server, such as {@code http://localhost:8080}
     * @param token          a bearer token with role {@code worker}, asked for on every call so that it may be renewed
     * @param requestTimeout how long one call may take
     */
    public WorkerApi(URI baseUrl, Supplier<String> token, Duration requestTimeout) {
        String url = baseUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** Claims up to {@code max} pending runs of {@code plugins}, each leased for {@code lease}; empty when none wait. */
    public List<ClaimedRun> claim(List<String> plugins, int max, Duration lease) {
        ObjectNode body = JSON.createObjectNode();
        body.putPOJO("plugins", plugins);
        body.put("max", max);
        body.put("leaseSeconds", lease.toSeconds());
        List<ClaimedRun> runs = new ArrayList<>();
        post("claim", null, body).path("runs").forEach(run -> runs.add(ClaimedRun.from(run)));
        return runs;
    }

    /** Renews the lease on {@code run} for {@code lease} from now. */
    public void heartbeat(ClaimedRun run, Duration lease) {
        post(run.id() + "/heartbeat", run, JSON.createObjectNode().put("leaseSeconds", lease.toSeconds()));
    }

    /** Completes {@code run} with {@code output}, a JSON object. */
    public void complete(ClaimedRun run, Map<String, ?> output) {
        ObjectNode body = JSON.createObjectNode();
        body.set("output", JSON.valueToTree(output == null ? Map.of() : output));
        post(run.id() + "/complete", run, body);
    }

    /** Reports a failed attempt; the server retries it per the plugin's policy unless {@code retryable} is false. */
    public void fail(ClaimedRun run, String code, String message, boolean retryable) {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message).put("retryable", retryable);
        post(run.id() + "/fail", run, body);
    }

    private JsonNode post(String path, ClaimedRun run, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/worker/runs/" + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (run != null && run.traceparent() != null) {
            request.header("traceparent", run.traceparent());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorkerApiException(0, null, "POST " + path + ": no answer from " + base + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerApiException(0, null, "POST " + path + ": interrupted", e);
        }
        return answer(path, run, response);
    }

    private static JsonNode answer(String path, ClaimedRun run, HttpResponse<String> response) {
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return json;
        }
        String code = json.path("code").isTextual() ? json.path("code").asText() : null;
        String detail = json.path("detail").isTextual() ? json.path("detail").asText()
                : "HTTP " + response.statusCode();
        if (response.statusCode() == 409 && "lease_lost".equals(code) && run != null) {
            throw new LeaseLostException(run.id(), detail);
        }
        throw new WorkerApiException(response.statusCode(), code, retryAfter(response),
                "POST " + path + ": " + response.statusCode() + (code == null ? "" : " " + code) + ": " + detail, null);
    }

    /** Longer waits are read as this: a day, far beyond any backoff a worker keeps (which caps it further). */
    private static final long MAX_RETRY_AFTER_SECONDS = 86_400;

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110); nothing when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return null;
        }
        try {
            return value.get().chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Duration.ofSeconds(Math.min(Long.parseLong(value.get()), MAX_RETRY_AFTER_SECONDS))
                    : positive(Duration.between(Instant.now(),
                            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException | NumberFormatException unreadable) {
            return null;
        }
    }

    private static Duration positive(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
