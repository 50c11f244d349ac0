package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses a webhook delivery whose {@code Content-Length} is over the limit with 413 before its
 * body is read, so an oversized delivery costs neither memory nor a signature check.
 */
@ServerFilter(WebhookController.PATH + "/**")
final class WebhookSizeFilter implements Ordered {

    static final String TOO_LARGE = "webhook_too_large";

    private final long maxBodyBytes;

    WebhookSizeFilter(@Value("${" + WorkflowRestSettings.WEBHOOK_MAX_BODY_BYTES + ":"
            + WorkflowRestSettings.DEFAULT_WEBHOOK_MAX_BODY_BYTES + "}") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseOversized(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= maxBodyBytes) {
            return null;
        }
        return HttpResponse.<Problem>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .contentType(Problem.MEDIA_TYPE)
                .body(Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, tooLarge(length, maxBodyBytes)));
    }

    static String tooLarge(long length, long max) {
        return "the webhook body has " + length + " bytes; at most " + max + " are accepted ("
                + WorkflowRestSettings.WEBHOOK_MAX_BODY_BYTES + "). Send a smaller JSON object";
    }

    @Override
    public int getOrder() {
        // After the security headers (outermost), before authentication and rate limiting spend any work on it.
        return ServerFilterPhase.FIRST.after();
    }
}
