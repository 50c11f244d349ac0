package dev.plugboard.adapter.rest.installation;

import dev.plugboard.adapter.rest.StrictBoolean;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The owner's switch.
 *
 * @param enabled whether the installation may run; required
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record ToggleRequest(@Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean enabled) {
}
