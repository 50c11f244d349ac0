package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.run.RunAttempt;
import dev.plugboard.domain.run.RunError;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt of a run as {@code plugin_run_attempts} keeps it: opened when the run starts the
 * attempt, closed (finished, with its outcome) when the run leaves {@code processing}.
 *
 * @param status processing, completed, failed (also when a retry follows) or cancelled
 * @param cpuTimeMs       CPU time of the attempt's work, when measured
 * @param peakMemoryBytes peak memory of the attempt's work, when measured
 * @param worker the lease holder (executor instance or external worker) that ran the attempt; null
 *               when the run was started without a lease
 */
public record RunAttemptRow(@Nullable Long id, UUID runId, int attempt, String status,
                            Instant startedAt, @Nullable Instant finishedAt, @Nullable String errorCode,
                            @Nullable String errorMessage, @Nullable String worker, @Nullable Long cpuTimeMs,
                            @Nullable Long peakMemoryBytes) {

    public RunAttempt toDomain() {
        return new RunAttempt(attempt, status, startedAt, finishedAt,
                errorCode == null ? null : new RunError(errorCode, errorMessage), worker, cpuTimeMs, peakMemoryBytes);
    }
}
