package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.problem.Problem;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.Refusal;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase.WebhookRefusedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Answers a refused webhook delivery with problem+json: an unknown workflow 404, a method the
 * trigger does not accept 405, too large 413, a bad signature, a stale timestamp or a replay 401, a
 * body that is no JSON object 400. The message names what to fix, never the secret.
 */
@Singleton
final class WebhookRefusedHandler implements ExceptionHandler<WebhookRefusedException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRefusedHandler.class);
    static final String CHALLENGE = "PlugboardSignature realm=\"webhook\", "
            + "headers=\"X-Plugboard-Timestamp X-Plugboard-Signature\"";

    static HttpStatus statusOf(Refusal refusal) {
        return switch (refusal) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD -> HttpStatus.METHOD_NOT_ALLOWED;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case SIGNATURE, REPLAY, STALE -> HttpStatus.UNAUTHORIZED;
            case BODY -> HttpStatus.BAD_REQUEST;
        };
    }

    @Override
    @SuppressWarnings("rawtypes") // the framework's interface declares the raw type
    public HttpResponse<Problem> handle(HttpRequest request, WebhookRefusedException refused) {
        HttpStatus status = statusOf(refused.refusal());
        String code = "webhook_" + refused.refusal().name().toLowerCase(Locale.ROOT);
        // Refusals name the workflow id and the rule, never the body or the secret: safe to log.
        LOG.debug("{} {} refused ({}): {}", request.getMethod(), request.getPath(), code, refused.getMessage());
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status)
                .contentType(Problem.MEDIA_TYPE)
                .body(Problem.of(status, code, refused.getMessage()));
        // A 401 names how to authenticate (RFC 9110): here a signature, not a bearer token.
        return status == HttpStatus.UNAUTHORIZED ? response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE) : response;
    }
}
