package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runs waiting to execute, across owners, in {@code plugin_runs}. Claims and the reaper's scan
 * lock the rows they return with {@code FOR UPDATE SKIP LOCKED}: two executors (on one server or on
 * several) never take the same run, and neither waits for the other's rows.
 */
@Singleton
public final class JdbcRunQueue implements RunQueue {

    private final Sql sql;
    private final JdbcRunRepository runs;
    private final MicronautTransactionBoundary transactions;

    public JdbcRunQueue(Sql sql, JdbcRunRepository runs, MicronautTransactionBoundary transactions) {
        this.sql = sql;
        this.runs = runs;
        this.transactions = transactions;
    }

    /**
     * Locks the claimable runs (skipping those another transaction holds) and moves each to
     * processing under the lease, with its attempt row, in one transaction: the caller's when there
     * is one, its own otherwise.
     */
    @Override
    public List<PluginRun> claim(Set<PluginName> plugins, int max, Lease lease, Instant now) {
        if (plugins.isEmpty() || max <= 0) {
            return List.of();
        }
        String[] names = plugins.stream().map(PluginName::value).toArray(String[]::new);
        return transactions.inTransaction(() -> sql.list(JdbcRunRepository.SELECT
                                + " WHERE r.status = 'pending' AND r.available_at <= ? AND p.name = ANY(?)"
                                + " ORDER BY r.available_at, r.created_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED",
                        RunRow::read, now, names, max)
                .stream()
                .map(row -> runs.update(row.toDomain().claim(lease, now)))
                .toList());
    }

    /** Locked for the caller's transaction; outside one the locks end with the statement. */
    @Override
    public List<PluginRun> expiredLeases(Instant now, int max) {
        if (max <= 0) {
            return List.of();
        }
        return sql.list(JdbcRunRepository.SELECT + " WHERE r.status = 'processing' AND r.lease_expires_at <= ?"
                        + " ORDER BY r.lease_expires_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED",
                RunRow::read, now, max).stream().map(RunRow::toDomain).toList();
    }

    @Override
    public Optional<PluginRun> find(RunId id) {
        return sql.one(JdbcRunRepository.SELECT + " WHERE r.id = ?", RunRow::read, id.value()).map(RunRow::toDomain);
    }
}
