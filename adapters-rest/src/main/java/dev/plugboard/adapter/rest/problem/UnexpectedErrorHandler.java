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

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The errors no more specific handler takes: an unreachable database answers 503
 * {@code DATABASE_UNAVAILABLE} with a Retry-After, so clients retry instead of reporting a bug; a
 * body in a charset Java does not know is the client's 415 {@code unsupported_charset}; anything else is the 500 the framework would give, logged with its stack trace.
 */
@Singleton
public final class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    static final String UNSUPPORTED_CHARSET = "unsupported_charset";
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
        String charset = unknownCharset(error);
        if (charset != null) {
            // Found by OpenApiHttpFuzzTest: "Content-Type: application/json; charset=latin-1" on a text body
            // failed inside the framework's body reader.
            return HttpResponse.<Problem>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(Problem.MEDIA_TYPE)
                    .body(Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_CHARSET, "the Content-Type names the"
                            + " charset '" + charset + "', which this server does not know; send the body as UTF-8"
                            + " (charset=utf-8, or no charset)"));
        }
        LOG.error("Unexpected error occurred: {}", error.getMessage(), error);
        MutableHttpResponse<Object> response = HttpResponse.serverError();
        response.setAttribute(HttpAttributes.EXCEPTION, error);
        return problems.processResponse(ErrorContext.builder(request).cause(error)
                .errorMessage("Internal Server Error: " + error.getMessage()).build(), response);
    }

    /** The charset name when the error is a request's charset Java does not know or cannot name; otherwise null. */
    private static String unknownCharset(RuntimeException error) {
        if (error instanceof UnsupportedCharsetException unsupported) {
            return unsupported.getCharsetName();
        }
        return error instanceof IllegalCharsetNameException illegal ? illegal.getCharsetName() : null;
    }
}
