package dev.plugboard.adapter.persistence.operations;

import dev.plugboard.adapter.persistence.jdbc.JdbcJobLocks;
import dev.plugboard.adapter.persistence.jdbc.JdbcRetentionStore;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.application.port.in.operations.PruneUseCase.PruneReport;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.application.service.operations.RetentionService;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.retention.RetentionKind;
import dev.plugboard.domain.retention.RetentionPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on PostgreSQL: exactly what is older than its window goes, nothing pending,
 * processing, queued or running ever does, a dry run changes nothing, the removal is audited as
 * counts, and keyset paging over the runs stays right while rows are pruned between pages.
 */
class RetentionTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Owner ALICE = Owner.user("alice");
    private static final SettingsPolicy POLICY = new SettingsPolicy();

    private Storage storage;
    private RunRows rows;

    @BeforeEach
    void setUp() {
        storage = DB.freshStorage();
        storage.plugins().save(Plugin.register(TestPlugins.webhook(), POLICY, NOW));
        storage.plugins().save(Plugin.register(TestPlugins.analytics(), POLICY, NOW));
        storage.owners().ensureExists(ALICE, NOW);
        rows = new RunRows(DB);
    }

    private RetentionService retention() {
        return new RetentionService(DB.bean(JdbcRetentionStore.class), DB.bean(JdbcJobLocks.class),
                storage.transactions(), storage.audit(), () -> NOW, UUID::randomUUID, RetentionPolicy.defaults());
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** Of each kind: some rows past the window, some inside it, and unfinished runs older than any window. */
    private void seed() {
        rows.finished(ALICE, "webhook", "completed", null, daysAgo(31), 10, 1L, 1L);
        rows.finished(ALICE, "webhook", "failed", "TIMEOUT", daysAgo(40), 10, null, null);
        rows.finished(ALICE, "webhook", "cancelled", null, daysAgo(40), 10, null, null);
        rows.finished(ALICE, "webhook", "completed", null, daysAgo(29), 10, null, null);
        rows.unfinished(ALICE, "webhook", "pending", daysAgo(400));
        rows.unfinished(ALICE, "webhook", "processing", daysAgo(400));
        DB.execute("INSERT INTO event_log (user_id, idempotency_key, type, seen_at) VALUES"
                + " ('alice', 'old', 'message.received', '" + daysAgo(8) + "'),"
                + " ('alice', 'new', 'message.received', '" + daysAgo(6) + "')");
        DB.execute("INSERT INTO audit_entries (id, at, actor_type, actor_id, action, target, outcome) VALUES"
                + " (gen_random_uuid(), '" + daysAgo(731) + "', 'user', 'alice', 'install', 'plugin:webhook', 'success'),"
                + " (gen_random_uuid(), '" + daysAgo(729) + "', 'user', 'alice', 'install', 'plugin:webhook', 'success')");
        DB.execute("INSERT INTO plugin_metrics_hourly (plugin_id, hour, runs, successes, failures, cancelled)"
                + " SELECT id, h, 1, 1, 0, 0 FROM plugins, (VALUES (timestamptz '" + daysAgo(91) + "'),"
                + " (timestamptz '" + daysAgo(89) + "')) AS hours(h) WHERE name = 'webhook'");
        DB.execute("INSERT INTO owner_plugin_metrics_hourly (plugin_id, user_id, hour, runs, successes, failures, cancelled)"
                + " SELECT id, 'alice', timestamptz '" + daysAgo(91) + "', 1, 1, 0, 0 FROM plugins WHERE name = 'webhook'");
        UUID workflow = UUID.randomUUID();
        DB.execute("INSERT INTO workflows (id, user_id, slug, definition, status, trigger_type, created_at, updated_at)"
                + " VALUES ('" + workflow + "', 'alice', 'daily', '{}', 'ACTIVE', 'SCHEDULE', '" + daysAgo(500) + "', '"
                + daysAgo(500) + "')");
        for (String[] run : new String[][] {{"completed", "31"}, {"failed", "45"}, {"completed", "20"},
                {"queued", "300"}, {"running", "300"}}) {
            boolean ended = !run[0].equals("queued") && !run[0].equals("running");
            DB.execute("INSERT INTO workflow_runs (id, workflow_id, user_id, workflow_version, definition, status,"
                    + " created_at, completed_at) VALUES (gen_random_uuid(), '" + workflow + "', 'alice', 1, '{}', '"
                    + run[0] + "', '" + daysAgo(Long.parseLong(run[1])) + "', "
                    + (ended ? "'" + daysAgo(Long.parseLong(run[1])) + "'" : "NULL") + ")");
        }
        DB.execute("INSERT INTO workflow_fires (workflow_id, fire_time, created_at) VALUES ('" + workflow + "', '"
                + daysAgo(8) + "', '" + daysAgo(8) + "'), ('" + workflow + "', '" + daysAgo(1) + "', '" + daysAgo(1) + "')");
        UUID monthly = UUID.randomUUID();
        DB.execute("INSERT INTO workflows (id, user_id, slug, definition, status, trigger_type, created_at, updated_at)"
                + " VALUES ('" + monthly + "', 'alice', 'monthly', '{}', 'ACTIVE', 'SCHEDULE', '" + daysAgo(500) + "', '"
                + daysAgo(500) + "')");
        // Its only fire is old, but the scheduler resumes from a workflow's latest fire: it stays.
        DB.execute("INSERT INTO workflow_fires (workflow_id, fire_time, created_at) VALUES ('" + monthly + "', '"
                + daysAgo(20) + "', '" + daysAgo(20) + "')");
        DB.execute("INSERT INTO workflow_deliveries (workflow_id, signature, received_at) VALUES ('" + workflow
                + "', 'sig-old', '" + daysAgo(9) + "'), ('" + workflow + "', 'sig-new', '" + daysAgo(2) + "')");
        Installation analytics = storage.installations().add(Installation.install(UUID.randomUUID(), ALICE,
                PluginName.of("analytics"), POLICY.require(TestPlugins.analytics().settingsSpec(), JsonDocument.empty()),
                true, NOW));
        DB.execute("INSERT INTO installation_store (installation_id, key, value) VALUES ('" + analytics.id()
                + "', 'stats', '{\"received\": 9, \"days\": {\"2025-06-01\": {\"messages\": 1}, \"2025-06-10\":"
                + " {\"messages\": 2}, \"2025-06-20\": {\"messages\": 3}, \"2026-06-15\": {\"messages\": 3}}}')");
    }

    private static final Map<RetentionKind, Long> EXPECTED = Map.of(
            RetentionKind.RUNS, 3L, RetentionKind.WORKFLOW_RUNS, 2L, RetentionKind.WORKFLOW_FIRES, 1L,
            RetentionKind.WORKFLOW_DELIVERIES, 1L, RetentionKind.ROLLUPS, 2L, RetentionKind.ANALYTICS_DAYS, 2L,
            RetentionKind.AUDIT, 1L, RetentionKind.EVENT_KEYS, 1L);

    @Test
    void aDryRun_countsWhatWouldGo_andChangesNothing() {
        seed();
        long runsBefore = rows.count("SELECT count(*) FROM plugin_runs");
        PruneReport report = retention().prune(Actor.operator("ops"), true, ProgressListener.NONE);
        assertThat(report.counts()).isEqualTo(EXPECTED);
        assertThat(rows.count("SELECT count(*) FROM plugin_runs")).isEqualTo(runsBefore);
        assertThat(rows.count("SELECT count(*) FROM audit_entries")).isEqualTo(2);
    }

    @Test
    void prune_removesExactlyWhatIsOlderThanItsWindow_neverWhatIsUnfinished_andAuditsTheCounts() {
        seed();
        List<String> progress = new ArrayList<>();
        PruneReport report = retention().prune(Actor.operator("ops"), false, (task, soFar, total) -> progress.add(task + "=" + soFar));

        assertThat(report.counts()).isEqualTo(EXPECTED);
        assertThat(report.skipped()).isFalse();
        assertThat(progress).contains("prune runs=3", "prune " + RetentionKind.ANALYTICS_DAYS.wireName() + "=2");
        assertThat(rows.count("SELECT count(*) FROM plugin_runs WHERE status IN ('pending', 'processing')")).isEqualTo(2);
        assertThat(rows.count("SELECT count(*) FROM plugin_runs")).isEqualTo(3);
        assertThat(rows.count("SELECT count(*) FROM plugin_run_attempts")).as("attempts go with their runs").isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM workflow_runs WHERE status IN ('queued', 'running')")).isEqualTo(2);
        assertThat(rows.count("SELECT count(*) FROM workflow_runs")).isEqualTo(3);
        assertThat(rows.count("SELECT count(*) FROM workflow_fires")).as("the latest fire of each workflow").isEqualTo(2);
        assertThat(rows.count("SELECT count(*) FROM workflow_deliveries")).isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM plugin_metrics_hourly")).isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM owner_plugin_metrics_hourly")).isZero();
        assertThat(rows.count("SELECT count(*) FROM event_log")).isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM installation_store s, jsonb_object_keys(s.value -> 'days') k"))
                .as("2025-06-20 and today stay").isEqualTo(2);
        assertThat(rows.count("SELECT (value ->> 'received')::int FROM installation_store")).isEqualTo(9);

        List<AuditEntry> pruned = storage.audit().search(AuditFilter.ALL, PageRequest.first()).items().stream()
                .filter(entry -> entry.action() == AuditAction.RETENTION_PRUNED).toList();
        assertThat(pruned).hasSize(1);
        Map<?, ?> removed = (Map<?, ?>) pruned.get(0).after().orElseThrow().asMap().get("removed");
        Map<String, Long> counts = new java.util.HashMap<>();
        removed.forEach((kind, count) -> counts.put((String) kind, ((Number) count).longValue()));
        assertThat(counts).isEqualTo(Map.of("runs", 3L, "workflow-runs", 2L, "workflow-fires", 1L,
                "workflow-deliveries", 1L, "rollups", 2L, "analytics-days", 2L, "audit", 1L, "event-keys", 1L));

        PruneReport again = retention().prune(Actor.system(), false, ProgressListener.NONE);
        assertThat(again.total()).isZero();
    }

    @Test
    void whileAnotherInstanceIsPruning_thisOneStepsAside_andRemovesNothing() throws Exception {
        seed();
        try (java.sql.Connection other = DB.connect(); java.sql.Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT pg_try_advisory_xact_lock(hashtext('plugboard-job:" + RetentionService.JOB + "'))");
            PruneReport report = retention().prune(Actor.system(), false, ProgressListener.NONE);
            assertThat(report.skipped()).isTrue();
            assertThat(report.total()).isZero();
            assertThat(rows.count("SELECT count(*) FROM plugin_runs")).isEqualTo(6);
            other.commit();
        }
        assertThat(retention().prune(Actor.system(), false, ProgressListener.NONE).counts()).isEqualTo(EXPECTED);
    }

    @Test
    void pagingThroughRuns_whilePruningBetweenPages_neitherRepeatsNorSkipsASurvivor() {
        List<UUID> survivors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Every third run is old and ends up pruned; created times descend with i.
            long age = i % 3 == 0 ? 60 : 1;
            UUID id = rows.finished(ALICE, "webhook", "completed", null, daysAgo(age).minusSeconds(i), 10, null, null);
            if (age == 1) {
                survivors.add(id);
            }
        }
        Page<PluginRun> first = storage.runs().search(ALICE, RunFilter.ALL, PageRequest.first(10));
        assertThat(retention().prune(Actor.system(), false, ProgressListener.NONE).counts().get(RetentionKind.RUNS))
                .isEqualTo(10);
        List<UUID> seen = new ArrayList<>(first.items().stream().map(run -> run.id().value()).toList());
        Optional<String> cursor = first.next();
        while (cursor.isPresent()) {
            Page<PluginRun> page = storage.runs().search(ALICE, RunFilter.ALL, PageRequest.first(10).next(cursor.get()));
            page.items().forEach(run -> seen.add(run.id().value()));
            cursor = page.next();
        }
        assertThat(new HashSet<>(seen)).as("no run twice").hasSize(seen.size());
        assertThat(seen).as("every survivor listed").containsAll(survivors);
    }
}
