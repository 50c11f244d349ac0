package dev.plugboard.domain.audit;

import java.util.Locale;

/** What an operation did. */
public enum AuditAction {
    INSTALL, UNINSTALL, CONFIGURE, ENABLE, DISABLE, REGISTER, SYNC, RUN_STARTED, RUN_CANCELLED, CIRCUIT_FORCED, EVENT_PUBLISHED,
    SECRETS_ROTATED,
    ROLE_GRANTED, ROLE_REVOKED,
    WORKFLOW_CREATED, WORKFLOW_UPDATED, WORKFLOW_DELETED, WORKFLOW_STATUS_CHANGED, WORKFLOW_RUN_STARTED,
    WORKFLOW_RUN_CANCELLED,
    RETENTION_PRUNED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
