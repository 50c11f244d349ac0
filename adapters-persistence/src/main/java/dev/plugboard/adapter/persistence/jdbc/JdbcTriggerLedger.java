package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.out.workflow.TriggerLedger;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * The trigger ledger in PostgreSQL: a primary key per (workflow, fire time) and per (workflow,
 * signature), so that of any number of instances inserting the same row exactly one succeeds.
 */
@Singleton
public final class JdbcTriggerLedger implements TriggerLedger {

    private final Sql sql;

    public JdbcTriggerLedger(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean firstFire(String workflowId, Instant fireTime, Instant now) {
        // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key and then inserts nothing.
        return sql.update("INSERT INTO workflow_fires (workflow_id, fire_time, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", JsonValues.requireUuid("workflow", workflowId), fireTime, now) == 1;
    }

    @Override
    public Optional<Instant> lastFire(String workflowId) {
        // ORDER BY ... LIMIT 1 rather than max(): no row at all, not a row holding NULL, when it never fired.
        return JsonValues.uuid(workflowId).flatMap(uuid -> sql.one("SELECT fire_time FROM workflow_fires "
                + "WHERE workflow_id = ? ORDER BY fire_time DESC LIMIT 1", row -> Sql.instant(row, "fire_time"), uuid));
    }

    @Override
    public boolean firstDelivery(String workflowId, String signature, Instant now) {
        return sql.update("INSERT INTO workflow_deliveries (workflow_id, signature, received_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", JsonValues.requireUuid("workflow", workflowId), signature, now) == 1;
    }
}
