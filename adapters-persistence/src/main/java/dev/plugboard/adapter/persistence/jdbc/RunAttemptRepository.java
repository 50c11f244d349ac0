package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The attempt history of runs, a Micronaut Data repository whose queries are checked at compile time. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RunAttemptRepository extends GenericRepository<RunAttemptRow, Long> {

    /**
     * Opens attempt {@code attempt} run by {@code worker}; opening it again (the same update
     * replayed, a lease renewed) changes nothing.
     */
    @Query("INSERT INTO plugin_run_attempts (run_id, attempt, status, started_at, worker) "
            + "VALUES (:runId, :attempt, 'processing', :startedAt, :worker) ON CONFLICT (run_id, attempt) DO NOTHING")
    void open(UUID runId, int attempt, Instant startedAt, @Nullable String worker);

    /**
     * Closes the attempt if it is still open; {@code finishedAt} null means now (a retry is
     * scheduled without a time of its own).
     */
    @Query("UPDATE plugin_run_attempts SET status = :status, "
            + "finished_at = COALESCE(CAST(:finishedAt AS timestamptz), statement_timestamp()), "
            + "error_code = :errorCode, error_message = :errorMessage "
            + "WHERE run_id = :runId AND attempt = :attempt AND finished_at IS NULL")
    int close(UUID runId, int attempt, String status, @Nullable Instant finishedAt, @Nullable String errorCode,
              @Nullable String errorMessage);

    /** Sets what an attempt used, measured by the plugin host that ran it. */
    @Query("UPDATE plugin_run_attempts SET cpu_time_ms = :cpuMillis, peak_memory_bytes = :peakMemoryBytes "
            + "WHERE run_id = :runId AND attempt = :attempt")
    int recordUsage(UUID runId, int attempt, long cpuMillis, long peakMemoryBytes);

    /** The attempts of the owner's run, first to last; the owner is a user or an organization id, the other null. */
    @Query("SELECT a.* FROM plugin_run_attempts a JOIN plugin_runs r ON r.id = a.run_id "
            + "WHERE a.run_id = :runId AND r.user_id IS NOT DISTINCT FROM :userId "
            + "AND r.organization_id IS NOT DISTINCT FROM :organizationId ORDER BY a.attempt")
    List<RunAttemptRow> findByOwner(UUID runId, @Nullable String userId, @Nullable String organizationId);
}
