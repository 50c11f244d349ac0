package dev.plugboard.adapter.rest.security;

/**
 * Plugboard's roles ({@link dev.plugboard.domain.access.Role}) as {@code @Secured} and the
 * controllers name them; a caller holds them through its token's roles claim or a grant.
 */
public final class Roles {

    /** Shapes the catalog, reads the audit trail, forces circuits, publishes events for any owner. */
    public static final String ADMIN = "admin";

    /** An external worker: claims runs of {@code execution: external} plugins, secrets included, and reports on them. */
    public static final String WORKER = "worker";

    private Roles() {
    }
}
