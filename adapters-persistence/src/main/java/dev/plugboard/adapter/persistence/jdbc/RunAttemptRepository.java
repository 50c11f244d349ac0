package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The attempt history of runs, in plain SQL like every other table (it was the one Micronaut Data
 * repository, and its interceptors cost every process some 700 classes at start: docs/benchmarks/read-commands.md).
 */
@Singleton
public class RunAttemptRepository {

    private final Sql sql;

    public RunAttemptRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Opens attempt {@code attempt} run by {@code worker}; opening it again (the same update
     * replayed, a lease renewed) changes nothing.
     */
    public void open(UUID runId, int attempt, Instant startedAt, @Nullable String worker) {
        sql.update("INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at, worker) "
                + "VALUES (?, ?, 'processing', ?, ?) ON CONFLICT (run_id, attempt) DO NOTHING", runId, attempt, startedAt, worker);
    }

    /**
     * Closes the attempt if it is still open; {@code finishedAt} null means now (a retry is
     * scheduled without a time of its own).
     */
    public int close(UUID runId, int attempt, String status, @Nullable Instant finishedAt, @Nullable String errorCode,
                     @Nullable String errorMessage) {
        return sql.update("UPDATE plugin_run_attempts SET status = ?, "
                + "finished_at = COALESCE(CAST(? AS timestamptz), statement_timestamp()), error_code = ?, error_message = ? "
                + "WHERE run_id = ? AND attempt = ? AND finished_at IS NULL",
                status, finishedAt, errorCode, errorMessage, runId, attempt);
    }

    /** Sets what an attempt used, measured by the plugin host that ran it. */
    public int recordUsage(UUID runId, int attempt, long cpuMillis, long peakMemoryBytes) {
        return sql.update("UPDATE plugin_run_attempts SET cpu_time_ms = ?, peak_memory_bytes = ? "
                + "WHERE run_id = ? AND attempt = ?", cpuMillis, peakMemoryBytes, runId, attempt);
    }

    /** The attempts of the owner's run, first to last; the owner is a user or an organization id, the other null. */
    public List<RunAttemptRow> findByOwner(UUID runId, @Nullable String userId, @Nullable String organizationId) {
        return sql.list("SELECT a.* FROM plugin_run_attempts a JOIN plugin_runs r ON r.id = a.run_id "
                + "WHERE a.run_id = ? AND r.user_id IS NOT DISTINCT FROM ? "
                + "AND r.organization_id IS NOT DISTINCT FROM ? ORDER BY a.attempt", RunAttemptRepository::row,
                runId, userId, organizationId);
    }

    private static RunAttemptRow row(ResultSet row) throws SQLException {
        return new RunAttemptRow(row.getLong("id"), Sql.uuid(row, "run_id"), row.getInt("attempt"), row.getString("status"),
                Sql.instant(row, "started_at"), Sql.instant(row, "finished_at"), row.getString("error_code"),
                row.getString("error_message"), row.getString("worker"), nullableLong(row, "cpu_time_ms"),
                nullableLong(row, "peak_memory_bytes"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
