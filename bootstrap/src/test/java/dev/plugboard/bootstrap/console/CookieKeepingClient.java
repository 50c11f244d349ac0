package dev.plugboard.bootstrap.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A real HTTP client that acts like a browser as far as sign-in needs: it keeps cookies by name
 * and path (dropping those set with {@code Max-Age=0}) and follows nothing by itself, so a test
 * walks each redirect and sees each answer.
 */
final class CookieKeepingClient {

    /** A kept cookie with the attributes the server gave it. */
    record Kept(String value, String path, String attributes) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Kept> cookies = new LinkedHashMap<>();

    HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET());
    }

    HttpResponse<String> post(URI url, String form, String csrf) {
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", csrf).header("HX-Request", "true").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Optional<Kept> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    void forget(String name) {
        cookies.remove(name);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest probe = builder.copy().build();
        String path = probe.uri().getPath();
        String header = cookies.entrySet().stream().filter(c -> path.startsWith(c.getValue().path()))
                .map(c -> c.getKey() + "=" + c.getValue().value()).reduce((a, b) -> a + "; " + b).orElse("");
        if (!header.isEmpty()) {
            builder.header("Cookie", header);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        List<String> parts = List.of(setCookie.split(";"));
        String[] pair = parts.get(0).split("=", 2);
        String attributes = setCookie.substring(parts.get(0).length()).toLowerCase(Locale.ROOT);
        String cookiePath = parts.stream().map(String::strip).filter(p -> p.toLowerCase(Locale.ROOT).startsWith("path="))
                .map(p -> p.substring(5)).findFirst().orElse("/");
        if (attributes.contains("max-age=0") || pair[1].isEmpty()) {
            cookies.remove(pair[0].strip());
        } else {
            cookies.put(pair[0].strip(), new Kept(pair[1], cookiePath, attributes));
        }
    }
}
