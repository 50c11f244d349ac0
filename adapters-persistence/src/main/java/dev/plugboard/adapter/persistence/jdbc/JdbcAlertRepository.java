package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.monitoring.AlertRepository;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.owner.Owner;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Alerts in {@code alerts}; a partial unique index keeps one active alert per kind and subject. */
@Singleton
public final class JdbcAlertRepository implements AlertRepository {

    private static final String SELECT = "SELECT id, kind, subject, owner, status, detail, first_seen_at, last_seen_at, "
            + "count, resolved_at FROM alerts";
    private static final String ACTIVE = "status <> 'resolved'";

    private final Sql sql;

    public JdbcAlertRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Alert> find(UUID id) {
        return sql.one(SELECT + " WHERE id = ?", JdbcAlertRepository::read, id);
    }

    @Override
    public Optional<Alert> findActive(AlertKind kind, String subject) {
        return sql.one(SELECT + " WHERE kind = ? AND subject = ? AND " + ACTIVE, JdbcAlertRepository::read,
                kind.wireName(), subject);
    }

    @Override
    public List<Alert> findActive(AlertKind kind) {
        return sql.list(SELECT + " WHERE kind = ? AND " + ACTIVE, JdbcAlertRepository::read, kind.wireName());
    }

    @Override
    public List<Alert> list(Optional<AlertStatus> status, Optional<Owner> owner, int limit) {
        StringBuilder query = new StringBuilder(SELECT + " WHERE true");
        List<Object> params = new ArrayList<>();
        status.ifPresent(s -> {
            query.append(" AND status = ?");
            params.add(s.wireName());
        });
        owner.ifPresent(o -> {
            query.append(" AND owner = ?");
            params.add(o.toString());
        });
        query.append(" ORDER BY last_seen_at DESC, id LIMIT ?");
        params.add(limit);
        return sql.list(query.toString(), JdbcAlertRepository::read, params.toArray());
    }

    @Override
    public void add(Alert alert) {
        sql.update("INSERT INTO alerts (id, kind, subject, owner, severity, status, detail, first_seen_at, last_seen_at, "
                        + "count, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                alert.id(), alert.kind().wireName(), alert.subject(), alert.owner().map(Owner::toString).orElse(null),
                alert.severity().wireName(), alert.status().wireName(), alert.detail(), alert.firstSeen(),
                alert.lastSeen(), alert.count(), alert.resolvedAt().orElse(null));
    }

    @Override
    public void update(Alert alert) {
        sql.update("UPDATE alerts SET status = ?, detail = ?, last_seen_at = ?, count = ?, resolved_at = ? WHERE id = ?",
                alert.status().wireName(), alert.detail(), alert.lastSeen(), alert.count(),
                alert.resolvedAt().orElse(null), alert.id());
    }

    private static Alert read(ResultSet row) throws SQLException {
        String owner = row.getString("owner");
        return new Alert(Sql.uuid(row, "id"), AlertKind.fromWire(row.getString("kind")), row.getString("subject"),
                Optional.ofNullable(owner).map(Owner::parse), AlertStatus.fromWire(row.getString("status")),
                row.getString("detail"), Sql.instant(row, "first_seen_at"), Sql.instant(row, "last_seen_at"),
                row.getLong("count"), Optional.ofNullable(Sql.instant(row, "resolved_at")));
    }
}
