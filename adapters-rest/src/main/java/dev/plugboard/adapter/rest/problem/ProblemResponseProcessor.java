package dev.plugboard.adapter.rest.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders every error the framework produces (malformed JSON, unknown routes, oversized bodies,
 * rejected tokens, unexpected exceptions) as problem+json, so clients parse one error shape only.
 */
@Primary
@Singleton
public final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** Server faults carry no detail from the exception: it may name internals, and the log has it. */
    static final String SERVER_FAULT = "the server failed to handle this request; the error is logged. "
            + "Try again, and report it if it persists";

    static final String UNAUTHORIZED = "this endpoint needs a valid bearer token (Authorization: Bearer <JWT>); "
            + "the token was missing, expired, malformed or not signed with a trusted key";
    static final String FORBIDDEN = "your token does not carry the role this endpoint needs";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String detail = status >= 500 ? SERVER_FAULT : detailOf(context, response);
        return response.body(Problem.ofStatus(status, detail)).contentType(Problem.MEDIA_TYPE);
    }

    private static String detailOf(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRootCause().orElse(null) instanceof AuthorizationException rejected) {
            return rejected.isForbidden() ? FORBIDDEN : UNAUTHORIZED;
        }
        Optional<String> badJson = context.getRootCause().flatMap(BodyErrors::describe);
        if (badJson.isPresent()) {
            return badJson.get();
        }
        if (!context.hasErrors()) {
            return response.reason();
        }
        return context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    }
}
