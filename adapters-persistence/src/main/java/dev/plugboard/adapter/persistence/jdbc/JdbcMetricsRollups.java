package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.in.operations.PluginMetricsHour;
import dev.plugboard.application.port.out.operations.MetricsRollups;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hourly rollups in {@code plugin_metrics_hourly} (across owners) and
 * {@code owner_plugin_metrics_hourly} (per owner), computed in SQL from the run rows, and the
 * rollup job's watermark in {@code job_watermarks}.
 */
@Singleton
public final class JdbcMetricsRollups implements MetricsRollups {

    static final String WATERMARK = "rollups";
    private static final String PLUGIN_TABLE = "plugin_metrics_hourly";
    private static final String OWNER_TABLE = "owner_plugin_metrics_hourly";

    private final Sql sql;

    public JdbcMetricsRollups(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Instant> lastRolledHour() {
        return sql.one("SELECT position FROM job_watermarks WHERE job = ?", row -> Sql.instant(row, "position"), WATERMARK);
    }

    @Override
    public Optional<Instant> firstFinishedRunFrom(Instant from) {
        return sql.one("SELECT completed_at AS first FROM plugin_runs"
                        + " WHERE status IN ('completed', 'failed', 'cancelled') AND completed_at >= ?"
                        + " ORDER BY completed_at LIMIT 1",
                row -> Sql.instant(row, "first"), from);
    }

    @Override
    public int rollUp(Instant hour, Instant now) {
        Instant end = hour.plus(Duration.ofHours(1));
        // Replacing the hour's rows makes rolling it up again (after a crash mid-way) harmless.
        sql.update("DELETE FROM " + PLUGIN_TABLE + " WHERE hour = ?", hour);
        sql.update("DELETE FROM " + OWNER_TABLE + " WHERE hour = ?", hour);
        int plugins = sql.update(RollupSql.insert(PLUGIN_TABLE, ""), hour, end, hour);
        sql.update(RollupSql.insert(OWNER_TABLE, "user_id, organization_id"), hour, end, hour);
        markRolledUp(hour, now);
        return plugins;
    }

    @Override
    public void markRolledUp(Instant hour, Instant now) {
        sql.update("INSERT INTO job_watermarks (job, position, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (job) DO UPDATE SET position = greatest(job_watermarks.position, excluded.position),"
                + " updated_at = excluded.updated_at", WATERMARK, hour, now);
    }

    @Override
    public List<PluginMetricsHour> hours(PluginName plugin, Optional<Owner> owner, Instant from, Instant to) {
        String columns = "m.hour, m.runs, m.successes, m.failures, m.cancelled, m.failure_codes::text AS codes,"
                + " m.p50_ms, m.p95_ms, m.p99_ms, m.cpu_time_ms, m.peak_memory_bytes";
        if (owner.isEmpty()) {
            return sql.list("SELECT " + columns + " FROM " + PLUGIN_TABLE + " m JOIN plugins p ON p.id = m.plugin_id"
                    + " WHERE p.name = ? AND m.hour >= ? AND m.hour < ? ORDER BY m.hour", JdbcMetricsRollups::read,
                    plugin.value(), from, to);
        }
        return sql.list("SELECT " + columns + " FROM " + OWNER_TABLE + " m JOIN plugins p ON p.id = m.plugin_id"
                        + " WHERE p.name = ? AND m." + Owners.column(owner.get()) + " = ? AND m.hour >= ? AND m.hour < ?"
                        + " ORDER BY m.hour", JdbcMetricsRollups::read,
                plugin.value(), owner.get().id(), from, to);
    }

    private static PluginMetricsHour read(ResultSet row) throws SQLException {
        Map<String, Long> codes = new LinkedHashMap<>();
        JsonDocument.parse(row.getString("codes")).asMap()
                .forEach((code, count) -> codes.put(code, ((Number) count).longValue()));
        return new PluginMetricsHour(Sql.instant(row, "hour"), row.getLong("runs"), row.getLong("successes"),
                row.getLong("failures"), row.getLong("cancelled"), codes, optionalDouble(row, "p50_ms"),
                optionalDouble(row, "p95_ms"), optionalDouble(row, "p99_ms"), optionalLong(row, "cpu_time_ms"),
                optionalLong(row, "peak_memory_bytes"));
    }

    private static Optional<Double> optionalDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
