package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.domain.audit.AuditEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The audit trail in memory, newest first. */
public final class InMemoryAuditLog implements AuditLog, Snapshotting {

    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::at)
            .thenComparing(entry -> entry.id().toString())
            .reversed();

    private List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
        Optional<Cursor.TimeAndId> after = page.after().map(Cursor.TimeAndId::decode);
        List<AuditEntry> matching = entries.stream()
                .filter(filter::matches)
                .sorted(NEWEST_FIRST)
                .filter(entry -> after.map(cursor -> cursor.isFollowedBy(entry.at(), entry.id())).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetched(matching, page.limit(), entry -> Cursor.TimeAndId.encode(entry.at(), entry.id()));
    }

    /** Every entry, oldest first. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = new ArrayList<>((List<AuditEntry>) snapshot);
    }
}
