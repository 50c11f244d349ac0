package dev.plugboard.adapter.rest.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Adds the security headers to every response, errors and refusals included (this filter runs
 * outermost): no content sniffing, no referrer, no framing, no caching of API answers, and a
 * Content-Security-Policy on HTML pages.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {

    static final String API_PREFIX = "/api/";
    static final String CONSOLE_PREFIX = "/console";

    private final ContentSecurityPolicy policy;

    SecurityHeadersFilter(ContentSecurityPolicy policy) {
        this.policy = policy;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        String path = request.getPath();
        // The console's forms post to their own origin: under no-referrer, Chromium sends "Origin: null",
        // which the server refuses as a foreign origin; same-origin still tells other sites nothing.
        response.header("Referrer-Policy", path.startsWith(CONSOLE_PREFIX) ? "same-origin" : "no-referrer");
        response.header("X-Frame-Options", "DENY");
        if (path.startsWith(API_PREFIX) || path.equals("/api")) {
            // Answers carry one owner's data: no shared cache or browser cache may keep them.
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (isHtml(path, response)) {
            response.header("Content-Security-Policy", policy.forHtml());
        }
    }

    private static boolean isHtml(String path, MutableHttpResponse<?> response) {
        return response.getContentType().map(type -> type.getName().equals(MediaType.TEXT_HTML)).orElse(false)
                || path.endsWith(".html") || path.endsWith(".htm");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
