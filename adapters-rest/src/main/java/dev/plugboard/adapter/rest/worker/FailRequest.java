package dev.plugboard.adapter.rest.worker;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A run whose attempt failed.
 *
 * @param code      a stable UPPER_SNAKE_CASE code, such as {@code UPSTREAM_TIMEOUT}
 * @param message   for people; defaults to the code
 * @param retryable false ends the run now; true (the default) lets the plugin's retry policy decide
 *                  (attempts left, codes never retried)
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record FailRequest(@Nullable String code, @Nullable String message, @Nullable Boolean retryable) {
}
