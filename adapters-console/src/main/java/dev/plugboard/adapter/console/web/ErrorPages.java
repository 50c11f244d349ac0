package dev.plugboard.adapter.console.web;

import dev.plugboard.adapter.console.session.ConsoleUser;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Errors as messages people can read, never raw problem JSON: a page in the console's frame, or,
 * for an htmx request, an alert placed in the page's message area.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    /** What a use case refused, with the status REST would give it. */
    public static MutableHttpResponse<?> of(HttpRequest<?> request, DomainException refusal) {
        return of(request, status(refusal), refusal.getMessage());
    }

    public static MutableHttpResponse<?> of(HttpRequest<?> request, HttpStatus status, String message) {
        if (request.getHeaders().contains("HX-Request")) {
            // htmx swaps only 2xx answers: the refusal is delivered as one, into the message area.
            return HttpResponse.ok(alert(message)).contentType(MediaType.TEXT_HTML_TYPE)
                    .header("HX-Retarget", "#messages").header("HX-Reswap", "innerHTML")
                    // Overrides any hx-select of the form (which picks its section out of a whole page).
                    .header("HX-Reselect", "[role=alert]");
        }
        Chrome chrome = request.getAttribute("plugboard.console.user", ConsoleUser.class)
                .map(user -> Chrome.of(status.getReason(), "", user)).orElse(Chrome.anonymous(status.getReason()));
        return HttpResponse.status(status).body(Pages.view("error", chrome, "status", status.getCode(), "message", message));
    }

    /** A short page, for answers given before a page can be framed (the session filter's). */
    public static MutableHttpResponse<String> plain(HttpStatus status, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>" + status.getCode() + "</title></head><body><main>"
                + "<h1>" + status.getCode() + " " + status.getReason() + "</h1>" + alert(message) + "</main></body></html>";
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }

    private static String alert(String message) {
        return "<p class=\"problem\" role=\"alert\">" + StringEscapeUtils.escapeHtml4(message) + "</p>";
    }

    private static HttpStatus status(DomainException refusal) {
        return switch (refusal.kind()) {
            case INVALID_INPUT, INVALID_SETTINGS -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case CONCURRENCY -> HttpStatus.PRECONDITION_FAILED;
            case LIMIT_EXCEEDED -> HttpStatus.TOO_MANY_REQUESTS;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
