package dev.plugboard.adapter.rest.installation;

import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * Settings to store or to check. A secret left out, or sent back as {@code (set)}, keeps its stored value.
 *
 * @param settings the complete settings document
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record SettingsRequest(@Nullable @JsonObject Map<String, Object> settings) {
}
