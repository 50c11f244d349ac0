package dev.plugboard.application.service.audit;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.audit.ReadAuditTrailUseCase;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.domain.audit.AuditEntry;

/** Reads the audit trail for administrators. */
public final class AuditQueryService implements ReadAuditTrailUseCase {

    private final AuditLog log;

    public AuditQueryService(AuditLog log) {
        this.log = log;
    }

    @Override
    public Page<AuditEntry> list(AuditFilter filter, PageRequest page) {
        return log.search(filter, page);
    }
}
