package dev.plugboard.bootstrap.database;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.rest.OwnServer;
import dev.plugboard.bootstrap.secrets.RawSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list the API pages through, on 10^5 rows of runs and of audit entries: each page, the first and
 * the ones after a cursor (keyset paging), and each filter, is read through an index, never by a
 * sequential scan, and reads a page's worth of rows rather than the table. PostgreSQL's own counters
 * ({@code pg_stat_user_tables}) tell, for the real queries the server runs; the server's connections are
 * ended before each reading, since a backend reports its counters when it ends.
 */
class ListQueriesAtScaleTest {

    private static final int ROWS = 100_000;
    private static final long ROWS_READ_PER_PAGE = 2_000;
    private static final List<String> LARGE_TABLES = List.of("plugin_runs", "audit_entries");
    private static final String PLUGIN = "scale-notes";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("plugboard-scale", Map.of(
            // Nothing but the requests below may touch the tables while they are counted.
            "plugboard.execution.enabled", false, "plugboard.health.enabled", false, "plugboard.retention.enabled", false,
            "plugboard.rollups.enabled", false, "plugboard.workflows.enabled", false, "plugboard.rate-limit.enabled", false));

    private static final Who ADMIN = Who.newAdmin();
    private static final Who OWNER = Who.newUser("scale");
    private static ApiClient api;
    private static RawSql sql;

    @BeforeAll
    static void seedOneHundredThousandRunsAndAuditEntries() throws SQLException {
        api = new ApiClient(SERVER.server());
        sql = new RawSql(SERVER.server().application().context());
        ContractPlugins.register(api, ADMIN, """
                {"name": "scale-notes", "version": "1.0.0", "execution": {"mode": "external"}}""");
        sql.execute("INSERT INTO users (id) VALUES (?), ('scale-other') ON CONFLICT DO NOTHING", OWNER.user());
        // The owner's runs and as many of another owner's, one in ten failed, spread over 30 days.
        sql.execute("INSERT INTO plugin_runs (id, user_id, plugin_id, trigger, status, input, output, attempt, created_at,"
                + " started_at, completed_at, available_at, error_code, error_message)"
                + " SELECT gen_random_uuid(), o.owner, (SELECT id FROM plugins WHERE name = '" + PLUGIN + "'), 'manual',"
                + " CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'completed' END, jsonb_build_object('n', g), '{}', 1, t, t,"
                + " t + interval '50 milliseconds', t, CASE WHEN g % 10 = 0 THEN 'BOOM' END, CASE WHEN g % 10 = 0 THEN 'x' END"
                + " FROM (VALUES (?), ('scale-other')) AS o (owner), generate_series(1, " + ROWS / 2 + ") AS g,"
                + " LATERAL (SELECT now() - g * interval '25 seconds') AS c (t)", OWNER.user());
        // Audit entries of 100 actors about 500 targets, of every action.
        sql.execute("INSERT INTO audit_entries (id, at, actor_type, actor_id, action, target, outcome, detail)"
                + " SELECT gen_random_uuid(), now() - g * interval '25 seconds', 'user', 'scale-actor-' || (g % 100),"
                + " (ARRAY['install', 'configure', 'enable', 'disable', 'uninstall'])[1 + g % 5],"
                + " 'installation:user:scale-actor-' || (g % 500) || '/" + PLUGIN + "', 'success', ''"
                + " FROM generate_series(1, " + ROWS + ") AS g");
        sql.execute("ANALYZE plugin_runs");
        sql.execute("ANALYZE audit_entries");
        // What docs/performance.md quotes for the growth per run and per audit entry.
        System.out.println("Bytes per row, indexes included: " + sql.strings("SELECT string_agg(relname || ' '"
                + " || pg_total_relation_size(relid) / greatest(n_live_tup, 1), ', ') FROM pg_stat_user_tables"
                + " WHERE relname IN ('plugin_runs', 'audit_entries')"));
    }

    @Test
    void givenTheRunList_everyPageAndFilter_readsAnIndex_neverTheTable() {
        String first = readsNoTable("plugin_runs", "runs, first page", OWNER, "/api/user/runs?limit=20");
        readsNoTable("plugin_runs", "runs, a page after the cursor", OWNER, "/api/user/runs?limit=20&after=" + encoded(first));
        readsNoTable("plugin_runs", "runs, failed only", OWNER, "/api/user/runs?limit=20&status=failed");
        readsNoTable("plugin_runs", "runs, one plugin", OWNER, "/api/user/runs?limit=20&plugin=" + PLUGIN);
    }

    @Test
    void givenTheAuditTrail_everyPageAndFilter_readsAnIndex_neverTheTable() {
        String first = readsNoTable("audit_entries", "audit, first page", ADMIN, "/api/admin/audit?limit=20");
        readsNoTable("audit_entries", "audit, a page after the cursor", ADMIN, "/api/admin/audit?limit=20&after=" + encoded(first));
        readsNoTable("audit_entries", "audit, one target", ADMIN,
                "/api/admin/audit?limit=20&target=" + encoded("installation:user:scale-actor-7/" + PLUGIN));
        readsNoTable("audit_entries", "audit, one actor", ADMIN, "/api/admin/audit?limit=20&actor=" + encoded("user:scale-actor-7"));
        readsNoTable("audit_entries", "audit, one action", ADMIN, "/api/admin/audit?limit=20&action=uninstall");
        readsNoTable("audit_entries", "audit, since a day ago", ADMIN, "/api/admin/audit?limit=20&since="
                + java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
    }

    /**
     * Requests {@code path}, which lists {@code listed}; returns the page's {@code next} cursor, after checking
     * how the large tables were read.
     */
    private static String readsNoTable(String listed, String what, Who caller, String path) {
        Map<String, long[]> before = counters();
        ApiResponse page = api.get(path, caller);
        Map<String, long[]> after = counters();

        assertThat(page.status()).as(what + ": " + page).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(body.path("items").size()).as(what + ": a full page").isEqualTo(20);
        assertThat(after.get(listed)[2] - before.get(listed)[2]).as(what + ": the counters saw the index scan of " + listed)
                .isPositive();
        for (String table : LARGE_TABLES) {
            long sequential = after.get(table)[0] - before.get(table)[0];
            long rowsRead = after.get(table)[1] - before.get(table)[1];
            assertThat(sequential).as(what + ": sequential scans of " + table).isZero();
            assertThat(rowsRead).as(what + ": rows of " + table + " read for one page").isLessThan(ROWS_READ_PER_PAGE);
        }
        return body.path("next").asText();
    }

    /** Per large table: sequential scans, rows read by any scan, and index scans, once every server connection has reported. */
    private static Map<String, long[]> counters() {
        try {
            endServerConnections();
            Map<String, long[]> counters = new HashMap<>();
            for (String row : sql.strings("SELECT relname || ' ' || seq_scan || ' ' || (seq_tup_read + coalesce(idx_tup_fetch, 0))"
                    + " || ' ' || coalesce(idx_scan, 0)"
                    + " FROM pg_stat_user_tables WHERE relname IN ('plugin_runs', 'audit_entries')")) {
                String[] fields = row.split(" ");
                counters.put(fields[0], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3])});
            }
            return counters;
        } catch (SQLException e) {
            throw new AssertionError("reading pg_stat_user_tables", e);
        }
    }

    /**
     * Ends the server's pooled connections, whose backends report their counters as they end (an idle one
     * holds them back for up to 10 s), and waits until they are gone. The pool opens new ones on demand.
     */
    private static void endServerConnections() throws SQLException {
        // Chosen first (MATERIALIZED): in one WHERE, PostgreSQL may call pg_terminate_backend on this very connection.
        List<String> ended = sql.strings("WITH others AS MATERIALIZED (SELECT pid FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                + " AND application_name NOT LIKE 'plugboard-%-listener')"
                + " SELECT string_agg(pid::text, ',') FROM others WHERE pg_terminate_backend(pid)");
        String pids = ended.isEmpty() || ended.get(0) == null ? "" : ended.get(0);
        for (int wait = 0; !pids.isEmpty() && wait < 100; wait++) {
            if (sql.strings("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY (string_to_array(?, ',')::int[])", pids)
                    .get(0).equals("0")) {
                break;
            }
            pause(50);
        }
        pause(600); // the pool checks a connection idle for 500 ms before lending it, and so replaces the ended ones
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
