package dev.plugboard.adapter.persistence.jdbc;

/**
 * The statement that rolls up one hour into a rollup table, grouped by plugin or by owner and
 * plugin: runs that reached a final state in the hour, failures by code, duration percentiles
 * (percentile_cont over milliseconds from start to completion; runs refused before they started
 * have no duration), and attempts' CPU time (summed) and peak memory (the largest).
 */
final class RollupSql {

    private RollupSql() {
    }

    /** Parameters: hour start, hour end, hour start (the row's hour). */
    static String insert(String table, String ownerColumns) {
        String groupBy = "f.plugin_id" + (ownerColumns.isEmpty() ? "" : ", " + prefixed(ownerColumns));
        String codeGroup = "plugin_id" + (ownerColumns.isEmpty() ? "" : ", " + ownerColumns);
        String codeJoin = "c.plugin_id = f.plugin_id" + (ownerColumns.isEmpty() ? ""
                : " AND c.user_id IS NOT DISTINCT FROM f.user_id AND c.organization_id IS NOT DISTINCT FROM f.organization_id");
        return "WITH finished AS ("
                + "  SELECT r.id, r.plugin_id, r.user_id, r.organization_id, r.status, r.error_code,"
                + "         CASE WHEN r.started_at IS NOT NULL"
                + "              THEN extract(epoch FROM r.completed_at - r.started_at) * 1000 END AS duration_ms"
                + "  FROM plugin_runs r"
                + "  WHERE r.status IN ('completed', 'failed', 'cancelled') AND r.completed_at >= ? AND r.completed_at < ?),"
                + " usage AS ("
                + "  SELECT a.run_id, sum(a.cpu_time_ms) AS cpu, max(a.peak_memory_bytes) AS memory"
                + "  FROM plugin_run_attempts a JOIN finished f ON f.id = a.run_id GROUP BY a.run_id),"
                + " codes AS ("
                + "  SELECT " + codeGroup + ", jsonb_object_agg(code, n) AS codes FROM ("
                + "    SELECT " + codeGroup + ", coalesce(error_code, 'UNKNOWN') AS code, count(*) AS n"
                + "    FROM finished WHERE status = 'failed' GROUP BY " + codeGroup + ", code) per_code GROUP BY " + codeGroup + ")"
                + " INSERT INTO " + table + " (plugin_id, " + (ownerColumns.isEmpty() ? "" : ownerColumns + ", ")
                + "   hour, runs, successes, failures, cancelled, failure_codes, p50_ms, p95_ms, p99_ms,"
                + "   cpu_time_ms, peak_memory_bytes)"
                + " SELECT plugin_id, " + (ownerColumns.isEmpty() ? "" : ownerColumns + ", ")
                + "   ?, runs, successes, failures, cancelled, codes, pct[1], pct[2], pct[3], cpu, memory FROM ("
                + "  SELECT " + groupBy + ", count(*) AS runs,"
                + "    count(*) FILTER (WHERE f.status = 'completed') AS successes,"
                + "    count(*) FILTER (WHERE f.status = 'failed') AS failures,"
                + "    count(*) FILTER (WHERE f.status = 'cancelled') AS cancelled,"
                + "    coalesce(c.codes, '{}'::jsonb) AS codes,"
                + "    percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY f.duration_ms) AS pct,"
                + "    sum(u.cpu)::bigint AS cpu, max(u.memory) AS memory"
                + "  FROM finished f LEFT JOIN usage u ON u.run_id = f.id LEFT JOIN codes c ON " + codeJoin
                + "  GROUP BY " + groupBy + ", c.codes) rolled";
    }

    private static String prefixed(String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",\\s*")).map(c -> "f." + c).toList());
    }
}
