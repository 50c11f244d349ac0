package dev.plugboard.adapter.rest.installation;

import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * Settings to store or to check. A secret left out, or sent back as {@code (set)}, keeps its stored value.
 *
 * @param settings the complete settings document
 */
@Serdeable
public record SettingsRequest(@Nullable @JsonObject Map<String, Object> settings) {
}
