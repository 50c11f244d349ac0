package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.port.in.Caller;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;

/**
 * The one place that reads a verified token's claims: {@code sub} is the user, an {@code org}
 * claim makes the caller act for that organization, {@code plan} picks the plan limits.
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

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value.strip() : null;
    }
}
