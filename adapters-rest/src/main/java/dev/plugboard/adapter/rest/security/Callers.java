package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.port.in.Caller;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;

/**
 * The one place that reads a verified token's claims: {@code sub} is the user (or, for the
 * {@code worker} role, the worker), an {@code org} claim makes the caller act for that
 * organization, {@code plan} picks the plan limits. The caller's {@link Roles} were resolved when
 * the token was verified, from the configured roles claim and Plugboard's grants
 * ({@link ClaimAndGrantRolesFinder}).
 */
public final class Callers {

    static final String ORGANIZATION_CLAIM = "org";
    static final String PLAN_CLAIM = "plan";

    private Callers() {
    }

    public static Caller of(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        String organization = text(claims.get(ORGANIZATION_CLAIM));
        String plan = text(claims.get(PLAN_CLAIM));
        return organization == null
                ? Caller.user(authentication.getName(), plan)
                : Caller.member(authentication.getName(), organization, plan);
    }

    /** The external worker a {@link Roles#WORKER} token stands for: its {@code sub}, which names its leases. */
    public static String worker(Authentication authentication) {
        return authentication.getName();
    }

    public static boolean isAdmin(Authentication authentication) {
        return authentication.getRoles().contains(Roles.ADMIN);
    }

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value.strip() : null;
    }
}
