package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.settings.JsonDocument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** One row of {@code audit_entries}; enums are stored by their lowercase names. */
record AuditEntryRow(UUID id, Instant at, String actorType, String actorId, String action, String target,
                     String outcome, String before, String after, String detail, String environment) {

    static final String COLUMNS = "id, at, actor_type, actor_id, action, target, outcome, before, after, detail, environment";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?";

    static AuditEntryRow from(AuditEntry entry) {
        return new AuditEntryRow(entry.id(), entry.at(), lower(entry.actor().type()), entry.actor().id(),
                entry.action().wireName(), entry.target(), lower(entry.outcome()),
                entry.before().map(JsonDocument::toJson).orElse(null),
                entry.after().map(JsonDocument::toJson).orElse(null), entry.detail(), entry.environment());
    }

    static AuditEntryRow read(ResultSet row) throws SQLException {
        return new AuditEntryRow(Sql.uuid(row, "id"), Sql.instant(row, "at"), row.getString("actor_type"),
                row.getString("actor_id"), row.getString("action"), row.getString("target"), row.getString("outcome"),
                row.getString("before"), row.getString("after"), row.getString("detail"), row.getString("environment"));
    }

    Object[] values() {
        return new Object[] {id, at, actorType, actorId, action, target, outcome, before, after, detail, environment};
    }

    AuditEntry toDomain() {
        return new AuditEntry(id, at, new Actor(upper(Actor.Type.class, actorType), actorId),
                upper(AuditAction.class, action), target, upper(AuditEntry.Outcome.class, outcome),
                Optional.ofNullable(before).map(JsonDocument::parse), Optional.ofNullable(after).map(JsonDocument::parse),
                detail, environment);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E upper(Class<E> type, String stored) {
        return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
    }
}
