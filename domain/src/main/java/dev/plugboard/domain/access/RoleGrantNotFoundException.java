package dev.plugboard.domain.access;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** The subject does not hold this role by a grant, so there is nothing to revoke. */
public final class RoleGrantNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String subject;
    private final Role role;

    public RoleGrantNotFoundException(String subject, Role role) {
        super("'" + subject + "' holds no grant of the role " + role.wireName()
                + " (roles a token carries are not grants and cannot be revoked here)");
        this.subject = subject;
        this.role = role;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String code() {
        return "role_grant_not_found";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("subject", subject, "role", role.wireName());
    }
}
