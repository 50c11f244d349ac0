package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
     * is one, its own otherwise; the moves and the attempt rows go as two JDBC batches. For plugins
     * with a per-owner limit, claims are serialized across
     * instances by a transaction-scoped advisory lock per plugin, so the processing runs counted
     * are those every instance holds; owners already at their limit are skipped in the query.
     */
    @Override
    public List<PluginRun> claim(Set<PluginName> plugins, int max, Lease lease, Instant now,
                                 Map<PluginName, Integer> perOwnerLimits) {
        if (plugins.isEmpty() || max <= 0) {
            return List.of();
        }
        String[] names = plugins.stream().map(PluginName::value).toArray(String[]::new);
        // The caller's transaction when there is one: a failed claim fails the caller's work anyway (no savepoint).
        return transactions.joining(() -> {
            Map<String, Integer> limits = new HashMap<>();
            perOwnerLimits.forEach((plugin, limit) -> {
                if (plugins.contains(plugin)) {
                    limits.put(plugin.value(), limit);
                }
            });
            // Sorted, so two claimers always lock in the same order and never deadlock.
            for (String plugin : new TreeSet<>(limits.keySet())) {
                sql.one("SELECT pg_advisory_xact_lock(hashtext(?))", row -> 1, "plugboard-claim:" + plugin);
            }
            List<PluginRun> candidates = sql.list(JdbcRunRepository.SELECT
                            + " WHERE r.status = 'pending' AND r.available_at <= ? AND p.name = ANY(?)"
                            + (limits.isEmpty() ? "" : AT_LIMIT)
                            + " ORDER BY r.available_at, r.created_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED",
                    RunRow::read, limits.isEmpty() ? new Object[] {now, names, max}
                            : new Object[] {now, names, limitsJson(limits), max})
                    .stream().map(RunRow::toDomain).toList();
            Map<List<Object>, Integer> busy = new HashMap<>();
            List<PluginRun> claimed = new ArrayList<>();
            for (PluginRun run : candidates) {
                Integer limit = limits.get(run.plugin().value());
                if (limit != null) {
                    List<Object> key = List.of(run.owner(), run.plugin());
                    int held = busy.computeIfAbsent(key, k -> processing(run));
                    if (held >= limit) {
                        continue; // a candidate of an owner this batch already filled; its lock ends with the transaction
                    }
                    busy.put(key, held + 1);
                }
                claimed.add(run.claim(lease, now));
            }
            return runs.updateClaimed(claimed);
        });
    }

    /** Skips owners whose processing runs of the plugin already reach its limit (a JSON object of plugin name to limit). */
    private static final String AT_LIMIT = " AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(?::jsonb) l WHERE l.key = p.name"
            + " AND (SELECT count(*) FROM plugin_runs b WHERE b.status = 'processing' AND b.plugin_id = r.plugin_id"
            + " AND b.user_id IS NOT DISTINCT FROM r.user_id AND b.organization_id IS NOT DISTINCT FROM r.organization_id)"
            + " >= l.value::int)";

    private static String limitsJson(Map<String, Integer> limits) {
        return dev.plugboard.domain.settings.JsonDocument.of(new HashMap<>(limits)).toJson();
    }

    private int processing(PluginRun run) {
        return sql.one("SELECT count(*) AS n FROM plugin_runs b JOIN plugins p ON p.id = b.plugin_id"
                        + " WHERE b.status = 'processing' AND p.name = ? AND b." + Owners.column(run.owner()) + " = ?",
                row -> row.getInt("n"), run.plugin().value(), run.owner().id()).orElse(0);
    }

    @Override
    public List<PluginRun> unclaimedSince(PluginName plugin, Instant availableBefore, int max) {
        if (max <= 0) {
            return List.of();
        }
        return sql.list(JdbcRunRepository.SELECT + " WHERE r.status = 'pending' AND p.name = ? AND r.available_at < ?"
                        + " ORDER BY r.available_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED",
                RunRow::read, plugin.value(), availableBefore, max).stream().map(RunRow::toDomain).toList();
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
