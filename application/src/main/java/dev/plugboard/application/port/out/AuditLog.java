package dev.plugboard.application.port.out;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.audit.AuditEntry;

import java.util.function.Supplier;

/** The append-only trail of operations. */
public interface AuditLog {

    void append(AuditEntry entry);

    /**
     * Runs {@code change} and appends {@code entry} in the same transaction; a store may send the
     * entry along with the change's first statement, one round trip for both. The entry is written
     * even when the change then refuses, so call this only inside the use case's transaction, whose
     * rollback undoes both. By default: the change, then the entry.
     */
    default <T> T appendWith(AuditEntry entry, Supplier<T> change) {
        T result = change.get();
        append(entry);
        return result;
    }

    /** One page of entries matching {@code filter}, newest first. */
    Page<AuditEntry> search(AuditFilter filter, PageRequest page);
}
