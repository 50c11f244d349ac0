package dev.plugboard.adapter.rest.worker;

import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A run that succeeded.
 *
 * @param output what the plugin produced, a JSON object; absent means {@code {}}
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record CompleteRequest(@Nullable @JsonObject Map<String, Object> output) {
}
