package dev.plugboard.adapter.rest.installation;

import dev.plugboard.adapter.rest.StrictBoolean;
import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * What to install with: settings laid over the plugin's defaults, and the owner's switch.
 *
 * @param settings settings for the plugin's schema; absent means the defaults
 * @param enabled  whether the installation starts switched on; absent means on
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record InstallRequest(@Nullable @JsonObject Map<String, Object> settings,
                             @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean enabled) {
}
