package dev.plugboard.application.port.out;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.audit.AuditEntry;

/** The append-only trail of operations. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** One page of entries matching {@code filter}, newest first. */
    Page<AuditEntry> search(AuditFilter filter, PageRequest page);
}
