package dev.plugboard.application.port.in.audit;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.audit.AuditEntry;

/** Administrators read who did what. */
public interface ReadAuditTrailUseCase {

    Page<AuditEntry> list(AuditFilter filter, PageRequest page);
}
