package dev.plugboard.adapter.rest.contract;

import java.util.List;
import java.util.UUID;

/**
 * Someone calling the API: a token's {@code sub}, {@code org}, {@code plan} and {@code roles}
 * claims, or nobody at all.
 */
public record Who(String user, String org, String plan, List<String> roles) {

    public Who {
        roles = List.copyOf(roles);
    }

    public static Who anonymous() {
        return new Who(null, null, null, List.of());
    }

    public static Who user(String id) {
        return new Who(id, null, null, List.of());
    }

    /** A user no other test uses, so each test starts with an empty slate even on a shared database. */
    public static Who newUser(String prefix) {
        return user(unique(prefix));
    }

    public static Who newAdmin() {
        return newUser("admin").withRoles("admin");
    }

    public Who inOrg(String organization) {
        return new Who(user, organization, plan, roles);
    }

    public Who onPlan(String newPlan) {
        return new Who(user, org, newPlan, roles);
    }

    public Who withRoles(String... newRoles) {
        return new Who(user, org, plan, List.of(newRoles));
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
