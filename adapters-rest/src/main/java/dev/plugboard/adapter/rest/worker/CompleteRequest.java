package dev.plugboard.adapter.rest.worker;

import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A run that succeeded.
 *
 * @param output what the plugin produced, a JSON object; absent means {@code {}}
 */
@Serdeable
public record CompleteRequest(@Nullable @JsonObject Map<String, Object> output) {
}
