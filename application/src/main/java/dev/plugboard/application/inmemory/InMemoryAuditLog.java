package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.InvalidValueException;

import java.time.Instant;
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
        Optional<List<String>> after = page.after().map(cursor -> Cursor.decode(cursor, 2));
        Optional<Instant> afterAt = after.map(parts -> parseInstant(parts.get(0), page.after().get()));
        List<AuditEntry> matching = entries.stream()
                .filter(filter::matches)
                .sorted(NEWEST_FIRST)
                .filter(entry -> after.map(parts -> {
                    int byTime = entry.at().compareTo(afterAt.get());
                    return byTime < 0 || byTime == 0 && entry.id().toString().compareTo(parts.get(1)) < 0;
                }).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(matching, page.limit(), entry -> Cursor.encode(entry.at().toString(), entry.id().toString()));
    }

    private static Instant parseInstant(String text, String cursor) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", cursor, "is not a cursor this list handed out; start again without 'after'");
        }
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
