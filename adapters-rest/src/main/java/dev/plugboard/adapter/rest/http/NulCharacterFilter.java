package dev.plugboard.adapter.rest.http;

import dev.plugboard.adapter.rest.problem.Problem;
import dev.plugboard.adapter.rest.ProblemStatus;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;
import java.util.Map;

/**
 * Refuses a NUL character (U+0000, {@code %00}) in the path or in a query parameter with a 400 naming
 * where it is, before any work: PostgreSQL can store it neither in text nor in jsonb, so it could only
 * ever fail later, as a 500. Bodies are checked where their values become domain values
 * ({@code Require.noNul}, {@code JsonDocument}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class NulCharacterFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseNul(HttpRequest<?> request) {
        try {
            // The path as routes see it, with %00 decoded: the raw path never holds the character itself.
            Require.noNul("path", request.getUri().getPath());
            for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
                Require.noNul("query parameter name", parameter.getKey());
                for (String value : parameter.getValue()) {
                    Require.noNul(parameter.getKey(), value);
                }
            }
            return null;
        } catch (InvalidValueException refused) {
            ProblemStatus status = ProblemStatus.of(refused);
            return HttpResponse.<Problem>status(HttpStatus.valueOf(status.code()))
                    .contentType(Problem.MEDIA_TYPE)
                    .body(Problem.from(refused, status));
        }
    }

    @Override
    public int getOrder() {
        // Early, like the other refusals that need no work: before authentication and rate limiting.
        return ServerFilterPhase.FIRST.after();
    }
}
