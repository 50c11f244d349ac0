package dev.plugboard.adapter.persistence.operations;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.domain.owner.Owner;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Writes run rows straight into the ledger, with exactly the times, statuses and costs a test needs. */
final class RunRows {

    private final PostgresDatabase db;

    RunRows(PostgresDatabase db) {
        this.db = db;
    }

    /** A finished run that started at {@code start} and took {@code durationMs}; one attempt with the given costs. */
    UUID finished(Owner owner, String plugin, String status, String errorCode, Instant start, long durationMs,
                  Long cpuMs, Long memory) {
        UUID id = UUID.randomUUID();
        Instant end = start.plus(Duration.ofMillis(durationMs));
        String error = errorCode == null ? "NULL, NULL" : "'" + errorCode + "', 'it failed'";
        db.execute("INSERT INTO plugin_runs (id, " + column(owner) + ", plugin_id, trigger, status, error_code, error_message,"
                + " attempt, created_at, started_at, completed_at, available_at) VALUES ('" + id + "', '" + owner.id()
                + "', (SELECT id FROM plugins WHERE name = '" + plugin + "'), 'manual', '" + status + "', " + error + ", 1, '"
                + start + "', '" + start + "', '" + end + "', '" + start + "')");
        db.execute("INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at, finished_at, cpu_time_ms,"
                + " peak_memory_bytes) VALUES ('" + id + "', 1, '" + status + "', '" + start + "', '" + end + "', "
                + cpuMs + ", " + memory + ")");
        return id;
    }

    /** A run still pending or processing, created at {@code created}. */
    UUID unfinished(Owner owner, String plugin, String status, Instant created) {
        UUID id = UUID.randomUUID();
        db.execute("INSERT INTO plugin_runs (id, " + column(owner) + ", plugin_id, trigger, status, created_at, started_at,"
                + " available_at) VALUES ('" + id + "', '" + owner.id() + "', (SELECT id FROM plugins WHERE name = '"
                + plugin + "'), 'manual', '" + status + "', '" + created + "', "
                + ("processing".equals(status) ? "'" + created + "'" : "NULL") + ", '" + created + "')");
        return id;
    }

    long count(String sql) {
        try (var connection = db.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String column(Owner owner) {
        return owner.kind() == Owner.Kind.USER ? "user_id" : "organization_id";
    }
}
