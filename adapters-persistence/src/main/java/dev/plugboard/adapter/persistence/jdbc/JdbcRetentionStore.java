package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.operations.RetentionStore;
import dev.plugboard.domain.retention.RetentionKind;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Retention in SQL. Each delete takes a bounded batch by ctid ({@code LIMIT}, {@code SKIP LOCKED}:
 * a row another transaction holds waits for the next run), so a statement touches at most one
 * batch and never waits on a busy row. Only final runs are ever candidates: pending, processing,
 * queued and running rows never match.
 */
@Singleton
public final class JdbcRetentionStore implements RetentionStore {

    /** The builtin analytics plugin, whose per-day statistics live in its installations' store. */
    static final String ANALYTICS = "analytics";
    static final String ANALYTICS_STATS_KEY = "stats";

    private final Sql sql;

    public JdbcRetentionStore(Sql sql) {
        this.sql = sql;
    }

    /** A table and the condition that makes a row of it due, with one parameter: the cutoff. */
    private record Due(String table, String condition) {
    }

    private static Due due(RetentionKind kind) {
        return switch (kind) {
            case RUNS -> new Due("plugin_runs", "status IN ('completed', 'failed', 'cancelled') AND completed_at < ?");
            case WORKFLOW_RUNS -> new Due("workflow_runs", "status IN ('completed', 'failed', 'cancelled') AND completed_at < ?");
            // Each workflow's latest fire stays: the scheduler resumes from it after a downtime.
            case WORKFLOW_FIRES -> new Due("workflow_fires", "created_at < ? AND fire_time < (SELECT max(latest.fire_time)"
                    + " FROM workflow_fires latest WHERE latest.workflow_id = workflow_fires.workflow_id)");
            case WORKFLOW_DELIVERIES -> new Due("workflow_deliveries", "received_at < ?");
            case ROLLUPS -> new Due("plugin_metrics_hourly", "hour < ?");
            case AUDIT -> new Due("audit_entries", "at < ?");
            case EVENT_KEYS -> new Due("event_log", "seen_at < ?");
            case ANALYTICS_DAYS -> throw new IllegalArgumentException("analytics days are entries of a document, not rows");
        };
    }

    private static final Due OWNER_ROLLUPS = new Due("owner_plugin_metrics_hourly", "hour < ?");

    @Override
    public long count(RetentionKind kind, Instant cutoff) {
        if (kind == RetentionKind.ANALYTICS_DAYS) {
            return sql.one("SELECT coalesce(sum(" + oldDays() + "), 0) AS n FROM " + analyticsStats(),
                    row -> row.getLong("n"), day(cutoff), ANALYTICS, ANALYTICS_STATS_KEY).orElse(0L);
        }
        long count = count(due(kind), cutoff);
        return kind == RetentionKind.ROLLUPS ? count + count(OWNER_ROLLUPS, cutoff) : count;
    }

    @Override
    public Batch delete(RetentionKind kind, Instant cutoff, int limit) {
        if (kind == RetentionKind.ANALYTICS_DAYS) {
            return deleteAnalyticsDays(cutoff, limit);
        }
        int rows = delete(due(kind), cutoff, limit);
        if (kind == RetentionKind.ROLLUPS && rows < limit) {
            rows += delete(OWNER_ROLLUPS, cutoff, limit - rows);
        }
        return new Batch(rows, rows);
    }

    private long count(Due due, Instant cutoff) {
        return sql.one("SELECT count(*) AS n FROM " + due.table() + " WHERE " + due.condition(), row -> row.getLong("n"),
                cutoff).orElse(0L);
    }

    private int delete(Due due, Instant cutoff, int limit) {
        return sql.update("DELETE FROM " + due.table() + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + due.table()
                + " WHERE " + due.condition() + " LIMIT ? FOR UPDATE SKIP LOCKED))", cutoff, limit);
    }

    /** Drops the day entries dated before the cutoff's UTC date from each analytics installation's stats. */
    private Batch deleteAnalyticsDays(Instant cutoff, int limit) {
        String day = day(cutoff);
        var removed = sql.list("WITH target AS ("
                + " SELECT s.installation_id, " + oldDays() + " AS old FROM " + analyticsStats()
                + " AND EXISTS (SELECT 1 FROM jsonb_object_keys(s.value -> 'days') k WHERE k < ?)"
                + " LIMIT ? FOR UPDATE OF s SKIP LOCKED)"
                + " UPDATE installation_store s SET value = jsonb_set(s.value, '{days}',"
                + "   (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)"
                + "    FROM jsonb_each(s.value -> 'days') e WHERE e.key >= ?)), updated_at = statement_timestamp()"
                + " FROM target t WHERE s.installation_id = t.installation_id AND s.key = ?"
                + " RETURNING t.old", row -> row.getLong("old"),
                day, ANALYTICS, ANALYTICS_STATS_KEY, day, limit, day, ANALYTICS_STATS_KEY);
        return new Batch(removed.size(), removed.stream().mapToLong(Long::longValue).sum());
    }

    /** The number of day entries before the date parameter in row {@code s}. */
    private static String oldDays() {
        return "(SELECT count(*) FROM jsonb_object_keys(s.value -> 'days') k WHERE k < ?)";
    }

    /** The analytics installations' stats documents with a days object; parameters: plugin name, key. */
    private static String analyticsStats() {
        return "installation_store s JOIN installations i ON i.id = s.installation_id JOIN plugins p ON p.id = i.plugin_id"
                + " WHERE p.name = ? AND s.key = ? AND jsonb_typeof(s.value -> 'days') = 'object'";
    }

    /** Days are UTC dates written as yyyy-MM-dd, which compare as text in date order. */
    private static String day(Instant cutoff) {
        return LocalDate.ofInstant(cutoff, ZoneOffset.UTC).toString();
    }
}
