package dev.plugboard.domain.access;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A role Plugboard knows: what a token's roles claim or an administrator's grant can give a subject. */
public enum Role {

    /** Shapes the catalog, reads the audit trail, forces circuits, grants and revokes roles. */
    ADMIN,

    /** An external worker: claims runs of external plugins, secrets included, and reports on them. */
    WORKER;

    /** The name in tokens, URLs and the database: {@code admin}, {@code worker}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this wire name, if Plugboard knows one (a token may carry other roles, which mean nothing here). */
    public static Optional<Role> find(String wireName) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(wireName)).findFirst();
    }

    /** Like {@link #find}, for input a person typed: an unknown name is an error that lists the known ones. */
    public static Role parse(String wireName) {
        String text = wireName == null ? null : wireName.strip().toLowerCase(Locale.ROOT);
        return find(text).orElseThrow(() -> new InvalidValueException("role", wireName, "use one of: "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "))));
    }
}
