package dev.plugboard.adapter.rest.installation;

import dev.plugboard.adapter.rest.StrictBoolean;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The owner's switch.
 *
 * @param enabled whether the installation may run; required
 */
@Serdeable
public record ToggleRequest(@Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean enabled) {
}
