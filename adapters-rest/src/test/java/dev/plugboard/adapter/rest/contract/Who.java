package dev.plugboard.adapter.rest.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Someone calling the API: a token's {@code sub}, {@code org}, {@code plan} and {@code roles}
 * claims, any other claims (such as {@code org_role} or a department), or nobody at all.
 */
public record Who(String user, String org, String plan, List<String> roles, Map<String, String> claims) {

    public Who {
        roles = List.copyOf(roles);
        claims = Map.copyOf(claims);
    }

    public static Who anonymous() {
        return new Who(null, null, null, List.of(), Map.of());
    }

    public static Who user(String id) {
        return new Who(id, null, null, List.of(), Map.of());
    }

    /** A user no other test uses, so each test starts with an empty slate even on a shared database. */
    public static Who newUser(String prefix) {
        return user(unique(prefix));
    }

    public static Who newAdmin() {
        return newUser("admin").withRoles("admin");
    }

    public Who inOrg(String organization) {
        return new Who(user, organization, plan, roles, claims);
    }

    public Who onPlan(String newPlan) {
        return new Who(user, org, newPlan, roles, claims);
    }

    public Who withRoles(String... newRoles) {
        return new Who(user, org, plan, List.of(newRoles), claims);
    }

    /** The same caller with one more claim in its token, such as {@code org_role: admin}. */
    public Who withClaim(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(claims);
        more.put(name, value);
        return new Who(user, org, plan, roles, more);
    }

    public boolean isAnonymous() {
        return user == null;
    }

    /** The owner the API files this caller's installations under. */
    public String owner() {
        return org == null ? "user:" + user : "org:" + org;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
