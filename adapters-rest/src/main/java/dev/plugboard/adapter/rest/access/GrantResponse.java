package dev.plugboard.adapter.rest.access;

import dev.plugboard.domain.access.RoleGrant;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A role granted in Plugboard.
 *
 * @param subject   the token subject that holds the role
 * @param role      {@code admin} or {@code worker}
 * @param grantedBy who granted it, such as {@code user:alice} or {@code operator:root}
 * @param grantedAt when
 */
@Serdeable
public record GrantResponse(String subject, String role, String grantedBy, Instant grantedAt) {

    static GrantResponse from(RoleGrant grant) {
        return new GrantResponse(grant.subject(), grant.role().wireName(), grant.grantedBy().toString(), grant.grantedAt());
    }
}
