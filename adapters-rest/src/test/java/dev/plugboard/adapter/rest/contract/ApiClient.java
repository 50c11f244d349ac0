package dev.plugboard.adapter.rest.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A plain {@code java.net.http} client for the API, so the same tests run against any server.
 * It keeps every response so a suite can check afterwards that no secret ever came back.
 */
public final class ApiClient {

    private final URI baseUrl;
    private final Tokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ApiResponse> seen = Collections.synchronizedList(new ArrayList<>());

    public ApiClient(ApiTarget target) {
        this.baseUrl = target.baseUrl();
        this.tokens = new Tokens(target.jwtSecret());
    }

    public Tokens tokens() {
        return tokens;
    }

    public List<ApiResponse> seen() {
        return List.copyOf(seen);
    }

    public ApiResponse get(String path, Who who) {
        return send("GET", path, who, null, Map.of());
    }

    public ApiResponse post(String path, Who who) {
        return send("POST", path, who, null, Map.of());
    }

    public ApiResponse post(String path, Who who, String json) {
        return send("POST", path, who, json, Map.of());
    }

    public ApiResponse put(String path, Who who, String json, Map<String, String> headers) {
        return send("PUT", path, who, json, headers);
    }

    public ApiResponse send(String method, String path, Who who, String json, Map<String, String> headers) {
        return sendWithToken(method, path, who.isAnonymous() ? null : tokens.of(who), json, headers);
    }

    /** Sends with exactly this bearer token (or none), for the tests of broken tokens. */
    public ApiResponse sendWithToken(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(method + " " + path, request.build());
    }

    /** Sends a request built by the test, for bodies and headers no ordinary client would send. */
    public ApiResponse exchange(String label, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse answer = new ApiResponse(label, response.statusCode(), response.headers(), response.body());
            seen.add(answer);
            return answer;
        } catch (IOException e) {
            throw new AssertionError(label + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(label + " was interrupted", e);
        }
    }

    public URI uri(String path) {
        return baseUrl.resolve(path);
    }

    public String bearer(Who who) {
        return "Bearer " + tokens.of(who);
    }
}
