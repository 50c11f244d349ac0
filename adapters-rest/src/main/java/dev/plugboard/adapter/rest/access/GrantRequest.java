package dev.plugboard.adapter.rest.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A role to grant.
 *
 * @param subject the token subject ({@code sub}) that gets the role; required
 * @param role    {@code admin} or {@code worker}; required
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record GrantRequest(@Nullable String subject, @Nullable String role) {
}
