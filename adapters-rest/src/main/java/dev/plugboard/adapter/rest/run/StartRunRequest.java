package dev.plugboard.adapter.rest.run;

import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A run to queue.
 *
 * @param input          the input for the plugin's input schema; absent means {@code {}}
 * @param idempotencyKey a key of the caller's choice: sending it again returns the run it started
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record StartRunRequest(@Nullable @JsonObject Map<String, Object> input, @Nullable String idempotencyKey) {
}
