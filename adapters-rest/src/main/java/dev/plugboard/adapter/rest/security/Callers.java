package dev.plugboard.adapter.rest.security;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that reads a verified token's claims: {@code sub} is the user (or, for the
 * {@code worker} role, the worker), an {@code org} claim makes the caller act for that
 * organization, {@code plan} picks the plan limits. The caller's {@link Roles} were resolved when
 * the token was verified, from the configured roles claim and Plugboard's grants
 * ({@link ClaimAndGrantRolesFinder}). For workflows, {@code org_role: admin} makes a member an
 * administrator of the organization it acts for, and a configurable claim names its department.
 */
public final class Callers {

    static final String ORGANIZATION_CLAIM = "org";
    static final String PLAN_CLAIM = "plan";
    static final String ORGANIZATION_ROLE_CLAIM = "org_role";
    static final String ORGANIZATION_ADMIN = "admin";

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

    /**
     * The caller as workflows see it. It administers its organization with Plugboard's admin role,
     * or with {@code org_role: admin} while acting for an organization ({@code org}); its department
     * is the value of {@code departmentClaim} (a dotted path reaches into nested claims).
     */
    public static WorkflowActor workflowActor(Authentication authentication, String departmentClaim) {
        Caller caller = of(authentication);
        Map<String, Object> claims = authentication.getAttributes();
        boolean organizationAdmin = isAdmin(authentication) || (text(claims.get(ORGANIZATION_CLAIM)) != null
                && ORGANIZATION_ADMIN.equals(text(claims.get(ORGANIZATION_ROLE_CLAIM))));
        Optional<String> department = departmentClaim == null || departmentClaim.isBlank() ? Optional.empty()
                : ClaimPath.values(claims, departmentClaim.strip(), null).stream().filter(d -> !d.isBlank()).findFirst();
        return new WorkflowActor(caller, organizationAdmin, department);
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
