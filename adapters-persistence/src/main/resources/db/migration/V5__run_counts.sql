-- Run counts (issue 10): execution_count counted attempts; it now counts runs that reached a final
-- state (completed or failed), and attempts are counted apart in attempt_count.

ALTER TABLE installations
    ADD COLUMN attempt_count bigint NOT NULL DEFAULT 0 CHECK (attempt_count >= 0);

-- Recount both from the ledger. Runs already removed by retention are no longer known, so an
-- installation keeps at least the runs still recorded; the old figure (attempts) is not a run count.
UPDATE installations i SET
    attempt_count = (SELECT count(*) FROM plugin_run_attempts a JOIN plugin_runs r ON r.id = a.run_id
                     WHERE r.plugin_id = i.plugin_id
                       AND r.user_id IS NOT DISTINCT FROM i.user_id
                       AND r.organization_id IS NOT DISTINCT FROM i.organization_id
                       AND a.finished_at IS NOT NULL),
    execution_count = (SELECT count(*) FROM plugin_runs r
                       WHERE r.plugin_id = i.plugin_id
                         AND r.user_id IS NOT DISTINCT FROM i.user_id
                         AND r.organization_id IS NOT DISTINCT FROM i.organization_id
                         AND r.status IN ('completed', 'failed'));

-- What an attempt cost, when the executor measured it (process-mode hosts do; null otherwise).
ALTER TABLE plugin_run_attempts
    ADD COLUMN cpu_time_ms       bigint CHECK (cpu_time_ms >= 0),
    ADD COLUMN peak_memory_bytes bigint CHECK (peak_memory_bytes >= 0);
