package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.EventLog;
import dev.plugboard.domain.owner.Owner;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The idempotency keys of events already fanned out, in {@code event_log}, unique per owner. The
 * insert itself decides ({@code ON CONFLICT DO NOTHING}): of two concurrent sightings of one key,
 * exactly one inserts the row.
 */
@Singleton
public final class JdbcEventLog implements EventLog {

    private final Sql sql;
    private final JdbcOwnerDirectory owners;

    public JdbcEventLog(Sql sql, JdbcOwnerDirectory owners) {
        this.sql = sql;
        this.owners = owners;
    }

    @Override
    public boolean firstSighting(Owner owner, String idempotencyKey, String type, Instant now) {
        // The owner row the foreign key needs; the use cases provision it already, other callers need not.
        owners.ensureExists(owner, now);
        return sql.update("INSERT INTO event_log (" + Owners.column(owner) + ", idempotency_key, type, seen_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", owner.id(), idempotencyKey, type, now) == 1;
    }
}
