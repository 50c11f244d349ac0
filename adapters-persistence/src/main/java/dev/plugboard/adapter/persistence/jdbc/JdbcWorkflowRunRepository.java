package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.WorkflowRun;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Workflow runs in PostgreSQL, one row per run with its step runs as a JSON array, so a run and its
 * steps change together under one version. Engines on every instance claim due runs with
 * {@code FOR UPDATE SKIP LOCKED}, so two never advance the same run at once.
 */
@Singleton
public final class JdbcWorkflowRunRepository implements WorkflowRunRepository {

    private static final String SELECT = "SELECT " + WorkflowRunRow.COLUMNS + " FROM workflow_runs x";
    private static final String UNFINISHED = "('queued', 'running')";

    private final Sql sql;
    private final JdbcOwnerDirectory owners;

    public JdbcWorkflowRunRepository(Sql sql, JdbcOwnerDirectory owners) {
        this.sql = sql;
        this.owners = owners;
    }

    @Override
    public WorkflowRun add(WorkflowRun run) {
        owners.ensureExists(run.owner(), run.createdAt());
        sql.update("INSERT INTO workflow_runs (id, workflow_id, user_id, organization_id, workflow_version, definition, "
                        + "triggered_by, trigger_type, trigger_data, test, status, output, error, failed_step_order, "
                        + "step_runs, created_at, started_at, completed_at, version, next_check_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, " + JsonValues.UNWRAP + ", ?, ?, "
                        + JsonValues.UNWRAP + ", ?, ?, ?, 0, ?)",
                JsonValues.requireUuid("workflow run", run.id()), JsonValues.requireUuid("workflow", run.workflowId()),
                Owners.userId(run.owner()), Owners.organizationId(run.owner()), run.workflowVersion(),
                WorkflowRow.definitionJson(run.definition()), run.triggeredBy(),
                run.triggerType() == null ? null : run.triggerType().wireName(), JsonDocument.of(run.triggerData()).toJson(),
                run.test(), run.status().wireName(), JsonValues.wrap(run.output()), run.error(), run.failedStepOrder(),
                JsonValues.wrap(StepRunsJson.write(run.stepRuns())), run.createdAt(), run.startedAt(), run.completedAt(),
                run.status().isFinal() ? null : run.createdAt());
        return WorkflowRunRow.withVersion(run, 0);
    }

    @Override
    public Optional<WorkflowRun> find(Owner owner, String id) {
        return JsonValues.uuid(id).flatMap(uuid -> sql.one(SELECT + " WHERE x.id = ? AND x." + Owners.column(owner) + " = ?",
                WorkflowRunRow::read, uuid, owner.id()));
    }

    @Override
    public Page<WorkflowRun> list(Owner owner, String workflowId, PageRequest page) {
        Optional<UUID> workflow = JsonValues.uuid(workflowId);
        if (workflow.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<String> conditions = new ArrayList<>(List.of("x." + Owners.column(owner) + " = ?", "x.workflow_id = ?"));
        List<Object> params = new ArrayList<>(List.of(owner.id(), workflow.get()));
        page.after().map(Cursor.TimeAndId::decode).ifPresent(after -> {
            conditions.add("(x.created_at, x.id) < (?, ?)");
            params.add(after.at());
            params.add(after.id());
        });
        params.add(page.limit() + 1);
        List<WorkflowRun> fetched = sql.list(SELECT + " WHERE " + String.join(" AND ", conditions)
                + " ORDER BY x.created_at DESC, x.id DESC LIMIT ?", WorkflowRunRow::read, params.toArray());
        return Page.fromOverfetched(fetched, page.limit(),
                run -> Cursor.TimeAndId.encode(run.createdAt(), UUID.fromString(run.id())));
    }

    @Override
    public WorkflowRun update(WorkflowRun run, Instant nextCheckAt) {
        int updated = sql.update("UPDATE workflow_runs SET status = ?, output = " + JsonValues.UNWRAP + ", error = ?, "
                        + "failed_step_order = ?, step_runs = " + JsonValues.UNWRAP + ", started_at = ?, completed_at = ?, "
                        + "next_check_at = ?, version = version + 1 "
                        + "WHERE id = ? AND " + Owners.column(run.owner()) + " = ? AND version = ?",
                run.status().wireName(), JsonValues.wrap(run.output()), run.error(), run.failedStepOrder(),
                JsonValues.wrap(StepRunsJson.write(run.stepRuns())), run.startedAt(), run.completedAt(),
                run.status().isFinal() ? null : nextCheckAt, JsonValues.requireUuid("workflow run", run.id()),
                run.owner().id(), run.version());
        if (updated == 0) {
            throw new ConcurrencyConflictException("workflow run", run.id(), run.version());
        }
        return WorkflowRunRow.withVersion(run, run.version() + 1);
    }

    @Override
    public Optional<WorkflowRun> claimDue(Instant now) {
        // SKIP LOCKED: a run another instance is advancing is left to it, not waited for.
        return sql.one(SELECT + " WHERE x.status IN " + UNFINISHED + " AND x.next_check_at <= ? "
                + "ORDER BY x.next_check_at, x.created_at, x.id LIMIT 1 FOR UPDATE SKIP LOCKED", WorkflowRunRow::read, now);
    }

    @Override
    public int countRunning(String workflowId) {
        return JsonValues.uuid(workflowId).flatMap(uuid -> sql.one("SELECT count(*) FROM workflow_runs "
                + "WHERE workflow_id = ? AND status = 'running'", row -> row.getInt(1), uuid)).orElse(0);
    }

    @Override
    public int countStartedSince(Owner owner, Instant since) {
        return sql.one("SELECT count(*) FROM workflow_runs WHERE " + Owners.column(owner) + " = ? AND created_at >= ?",
                row -> row.getInt(1), owner.id(), since).orElse(0);
    }
}
