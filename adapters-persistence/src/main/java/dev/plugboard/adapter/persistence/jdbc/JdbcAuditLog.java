package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditEntry;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The audit trail in {@code audit_entries}: appended inside the use case's transaction, read newest first. */
@Singleton
public final class JdbcAuditLog implements AuditLog {

    private static final String INSERT =
            "INSERT INTO audit_entries (" + AuditEntryRow.COLUMNS + ") VALUES (" + AuditEntryRow.PLACEHOLDERS + ")";

    private final Sql sql;

    public JdbcAuditLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(AuditEntry entry) {
        sql.update(INSERT, AuditEntryRow.from(entry).values());
    }

    /** The entry's INSERT rides along the change's first statement, as a data-modifying CTE: one round trip. */
    @Override
    public <T> T appendWith(AuditEntry entry, Supplier<T> change) {
        return sql.withInsertAhead(INSERT, AuditEntryRow.from(entry).values(), change);
    }

    @Override
    public Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter.since().ifPresent(since -> {
            conditions.add("at >= ?");
            params.add(since);
        });
        if (filter.actor().isPresent()) {
            String[] actor = filter.actor().get().split(":", 2);
            if (actor.length < 2 || !isActorType(actor[0])) {
                return new Page<>(List.of(), Optional.empty());
            }
            conditions.add("actor_type = ? AND actor_id = ?");
            params.add(actor[0]);
            params.add(actor[1]);
        }
        filter.action().ifPresent(action -> {
            conditions.add("action = ?");
            params.add(action.wireName());
        });
        filter.target().ifPresent(target -> {
            conditions.add("target = ?");
            params.add(target);
        });
        page.after().map(Cursor.TimeAndId::decode).ifPresent(after -> {
            conditions.add("(at, id) < (?, ?)");
            params.add(after.at());
            params.add(after.id());
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        params.add(page.limit() + 1);
        List<AuditEntry> fetched = sql.list("SELECT " + AuditEntryRow.COLUMNS + " FROM audit_entries" + where
                        + " ORDER BY at DESC, id DESC LIMIT ?", AuditEntryRow::read, params.toArray())
                .stream().map(AuditEntryRow::toDomain).toList();
        return Page.fromOverfetched(fetched, page.limit(), entry -> Cursor.TimeAndId.encode(entry.at(), entry.id()));
    }

    /** Whether {@code text} is how {@link Actor#toString()} writes an actor type. */
    private static boolean isActorType(String text) {
        return Arrays.stream(Actor.Type.values()).anyMatch(type -> type.name().toLowerCase(Locale.ROOT).equals(text));
    }
}
