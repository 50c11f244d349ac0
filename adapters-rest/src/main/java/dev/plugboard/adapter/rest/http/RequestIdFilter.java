package dev.plugboard.adapter.rest.http;

import dev.plugboard.adapter.rest.problem.Problem;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well-formed, else a new
 * one. The id is in the log context (MDC {@code requestId}) while the request is handled, echoed
 * in the response header and quoted by every problem+json; the access log line is written here too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ID_ATTRIBUTE = "plugboard.request-id";
    private static final String START_ATTRIBUTE = "plugboard.request-start";
    /** Short and plain, so a caller's id can neither forge log lines nor bloat them. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final AccessLog accessLog;

    RequestIdFilter(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = validId(request.getHeaders().get(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ID_ATTRIBUTE, id);
        request.setAttribute(START_ATTRIBUTE, System.nanoTime());
        // Micronaut carries the propagated context to every thread that handles this request, so MDC follows it.
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    @SuppressWarnings("unchecked") // the body is replaced by one of the same type
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(ID_ATTRIBUTE, String.class).orElseGet(() -> UUID.randomUUID().toString());
        response.header(HEADER, id);
        if (response.getBody().orElse(null) instanceof Problem problem && problem.requestId() == null) {
            ((MutableHttpResponse<Object>) response).body(problem.withRequestId(id));
        }
        long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElse(System.nanoTime());
        accessLog.record(id, request, response.code(), System.nanoTime() - start);
    }

    static Optional<String> validId(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    @Override
    public int getOrder() {
        // Before every other filter (rate limits, security), so their log lines carry the id too.
        return ServerFilterPhase.FIRST.before();
    }
}
