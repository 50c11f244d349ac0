package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.monitoring.HealthSignalSource;
import dev.plugboard.application.port.out.monitoring.JobLock;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health job's reads from {@code plugin_runs}, {@code plugin_run_attempts} and {@code circuits},
 * and its job lock: a transaction-scoped advisory lock, so a crashed instance never holds it.
 */
@Singleton
public final class JdbcHealthSignals implements HealthSignalSource, JobLock {

    private final Sql sql;

    public JdbcHealthSignals(Sql sql) {
        this.sql = sql;
    }

    @Override
    public RunSample runs(PluginName plugin, Optional<Owner> owner, Instant since, int sample) {
        List<Object> params = new ArrayList<>(List.of(plugin.value(), since));
        String ownerFilter = "";
        if (owner.isPresent()) {
            ownerFilter = " AND r." + Owners.column(owner.get()) + " = ?";
            params.add(owner.get().id());
        }
        params.add(sample);
        // Circuit rejections never ran the plugin, so they say nothing about its health.
        return sql.one("SELECT count(*) AS finished, count(*) FILTER (WHERE s.status = 'completed') AS succeeded, "
                + "percentile_cont(0.95) WITHIN GROUP (ORDER BY s.seconds) AS p95, avg(s.seconds) AS average FROM ("
                + "SELECT r.status, extract(epoch FROM r.completed_at - r.started_at) AS seconds FROM plugin_runs r "
                + "JOIN plugins p ON p.id = r.plugin_id WHERE p.name = ? AND r.status IN ('completed', 'failed') "
                + "AND r.completed_at >= ? AND r.error_code IS DISTINCT FROM 'PLUGIN_CIRCUIT_OPEN'" + ownerFilter
                + " ORDER BY r.completed_at DESC LIMIT ?) s", row -> {
                    int finished = row.getInt("finished");
                    if (finished == 0) {
                        return RunSample.NONE;
                    }
                    return new RunSample(finished, row.getInt("succeeded"), seconds(row.getObject("p95")),
                            seconds(row.getObject("average")));
                }, params.toArray()).orElse(RunSample.NONE);
    }

    @Override
    public long pendingRuns(PluginName plugin) {
        return sql.one("SELECT count(*) FROM plugin_runs r JOIN plugins p ON p.id = r.plugin_id "
                + "WHERE p.name = ? AND r.status = 'pending'", row -> row.getLong(1), plugin.value()).orElse(0L);
    }

    @Override
    public Optional<Instant> oldestPending(PluginName plugin) {
        return sql.one("SELECT min(r.available_at) AS at FROM plugin_runs r JOIN plugins p ON p.id = r.plugin_id "
                + "WHERE p.name = ? AND r.status = 'pending'", row -> Optional.ofNullable(Sql.instant(row, "at")),
                plugin.value()).flatMap(at -> at);
    }

    @Override
    public Optional<Instant> lastWorkerActivity(PluginName plugin, Instant now) {
        // A live lease means its worker claimed or heart-beat within the lease; otherwise the latest claim.
        boolean leased = sql.one("SELECT 1 FROM plugin_runs r JOIN plugins p ON p.id = r.plugin_id WHERE p.name = ? "
                + "AND r.status = 'processing' AND r.lease_expires_at > ? LIMIT 1", row -> true, plugin.value(), now)
                .isPresent();
        if (leased) {
            return Optional.of(now);
        }
        return sql.one("SELECT max(a.started_at) AS at FROM plugin_run_attempts a JOIN plugin_runs r ON r.id = a.run_id "
                + "JOIN plugins p ON p.id = r.plugin_id WHERE p.name = ?", row -> Optional.ofNullable(Sql.instant(row, "at")),
                plugin.value()).flatMap(at -> at);
    }

    @Override
    public List<Circuit> openCircuits(Instant now) {
        return sql.list("SELECT " + CircuitRow.COLUMNS + " FROM circuits c JOIN plugins p ON p.id = c.plugin_id "
                + "WHERE c.state = 'open' AND c.open_until > ? ORDER BY p.name", CircuitRow::read, now)
                .stream().map(CircuitRow::toDomain).toList();
    }

    @Override
    public boolean tryHold(String job) {
        return sql.one("SELECT pg_try_advisory_xact_lock(hashtext(?))", row -> row.getBoolean(1), job).orElse(false);
    }

    private static Optional<Duration> seconds(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(((Number) value).doubleValue() * 1_000_000_000L)));
    }
}
