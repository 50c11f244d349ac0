package dev.plugboard.adapter.rest.problem;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors no more specific handler takes: an unreachable database answers 503
 * {@code DATABASE_UNAVAILABLE} with a Retry-After, so clients retry instead of reporting a bug;
 * anything else is the 500 the framework would give, logged with its stack trace.
 */
@Singleton
public final class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    static final String DATABASE_DETAIL = "the database cannot be reached right now; the request was not carried out. "
            + "Try again in a few seconds";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ProblemResponseProcessor problems;

    UnexpectedErrorHandler(ProblemResponseProcessor problems) {
        this.problems = problems;
    }

    @Override
    @SuppressWarnings("rawtypes") // the framework's interface declares the raw type
    public HttpResponse<?> handle(HttpRequest request, RuntimeException error) {
        if (DatabaseFailures.isUnreachable(error)) {
            // One line, no stack trace: while the database is down every request would log one.
            LOG.warn("{} {} answered 503: the database is unreachable ({})", request.getMethod(), request.getPath(),
                    error.getMessage());
            return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(Problem.MEDIA_TYPE)
                    .body(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE, DATABASE_DETAIL));
        }
        LOG.error("Unexpected error occurred: {}", error.getMessage(), error);
        MutableHttpResponse<Object> response = HttpResponse.serverError();
        response.setAttribute(HttpAttributes.EXCEPTION, error);
        return problems.processResponse(ErrorContext.builder(request).cause(error)
                .errorMessage("Internal Server Error: " + error.getMessage()).build(), response);
    }
}
