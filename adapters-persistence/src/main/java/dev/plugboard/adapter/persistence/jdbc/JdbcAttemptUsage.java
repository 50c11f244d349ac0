package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.AttemptUsage;
import dev.plugboard.domain.run.RunId;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Attempt usage in {@code plugin_run_attempts} ({@code cpu_time_ms}, {@code peak_memory_bytes}), in a transaction of its own. */
@Singleton
public final class JdbcAttemptUsage implements AttemptUsage {

    private final RunAttemptRepository attempts;
    private final MicronautTransactionBoundary transactions;

    public JdbcAttemptUsage(RunAttemptRepository attempts, MicronautTransactionBoundary transactions) {
        this.attempts = attempts;
        this.transactions = transactions;
    }

    @Override
    public void record(RunId run, int attempt, Duration cpu, long peakMemoryBytes) {
        transactions.inTransaction(() -> attempts.recordUsage(run.value(), attempt, cpu.toMillis(), peakMemoryBytes));
    }
}
