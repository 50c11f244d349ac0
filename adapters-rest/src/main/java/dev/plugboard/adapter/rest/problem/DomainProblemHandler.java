package dev.plugboard.adapter.rest.problem;

import dev.plugboard.adapter.rest.ProblemStatus;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a domain error with the status {@link ProblemStatus} gives its kind and a problem built from its data. */
@Singleton
public final class DomainProblemHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DomainProblemHandler.class);

    @Override
    @SuppressWarnings("rawtypes") // the framework's interface declares the raw type
    public HttpResponse<Problem> handle(HttpRequest request, DomainException error) {
        // A stale version is only a failed precondition when the client stated one.
        ProblemStatus status = request.getHeaders().contains(HttpHeaders.IF_MATCH)
                ? ProblemStatus.forConditionalRequest(error) : ProblemStatus.of(error);
        // Domain messages name ids and rules, never settings values, so they are safe to log.
        LOG.debug("{} {} refused ({}): {}", request.getMethod(), request.getPath(), error.code(), error.getMessage());
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status.code()))
                .body(Problem.from(error, status))
                .contentType(Problem.MEDIA_TYPE);
    }
}
