package dev.plugboard.application.port.in.access;

import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;
import dev.plugboard.domain.audit.Actor;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Administrators grant and revoke Plugboard's roles to subjects; authentication asks which roles a subject holds. */
public interface RoleGrantsUseCase {

    /** Grants the role (audited); granting a role the subject already holds changes nothing and is no error. */
    GrantResult grant(Actor admin, String subject, Role role);

    /**
     * Revokes the role (audited).
     *
     * @throws dev.plugboard.domain.access.RoleGrantNotFoundException when the subject holds no such grant
     */
    void revoke(Actor admin, String subject, Role role);

    /** Every grant, or one subject's, by subject and role. */
    List<RoleGrant> grants(Optional<String> subject);

    /** The roles granted to the subject; empty for a subject with no grant. */
    Set<Role> rolesOf(String subject);

    /** The grant as stored, and whether this call created it. */
    record GrantResult(RoleGrant grant, boolean created) {
    }
}
