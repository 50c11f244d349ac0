package dev.plugboard.bootstrap.fuzz;

import dev.plugboard.bootstrap.rest.FullStackServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends fuzz requests exactly as generated (no client-side checks or retries) and reads the answers. */
final class FuzzTestServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private FuzzTestServer() {
    }

    /** The server's answer, or a status of 0 with the reason when there was none (a dropped connection). */
    record Answer(int status, String contentType, String body) {
    }

    static Answer send(FullStackServer server, FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl().toString()
                        .replaceAll("/$", "") + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Answer(0, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending " + request, e);
        }
    }

    static String get(FullStackServer server, String path) {
        Answer answer = send(server, new FuzzRequest(0, "GET " + path, "none", "GET", path, java.util.Map.of(), null));
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer);
        }
        return answer.body();
    }

    static int status(FullStackServer server, String path) {
        return send(server, new FuzzRequest(0, "GET " + path, "none", "GET", path, java.util.Map.of(), null)).status();
    }
}
