package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one row of {@code workflow_runs}. The output (any JSON value) and the step runs (an array)
 * are read wrapped by {@link JsonValues}, so that they come back with the number types a
 * {@link JsonDocument} holds.
 */
final class WorkflowRunRow {

    /** The columns {@link #read} reads, of a run {@code x}. */
    static final String COLUMNS = "x.id, x.workflow_id, x.user_id, x.organization_id, x.workflow_version, "
            + "x.definition::text AS definition, x.triggered_by, x.trigger_type, x.trigger_data::text AS trigger_data, "
            + "x.test, x.status, " + JsonValues.wrapped("x.output", "output") + ", x.error, x.failed_step_order, "
            + JsonValues.wrapped("x.step_runs", "step_runs") + ", x.created_at, x.started_at, x.completed_at, x.version";

    private WorkflowRunRow() {
    }

    static WorkflowRun read(ResultSet row) throws SQLException {
        String trigger = row.getString("trigger_type");
        return new WorkflowRun(row.getObject("id").toString(), row.getObject("workflow_id").toString(),
                Owners.read(row, "user_id", "organization_id"), row.getLong("workflow_version"),
                WorkflowRow.definition(row.getString("definition")), row.getString("triggered_by"),
                trigger == null ? null : TriggerType.fromWire(trigger),
                JsonDocument.parse(row.getString("trigger_data")).asMap(), row.getBoolean("test"),
                WorkflowRunStatus.fromWire(row.getString("status")), JsonValues.unwrap(row.getString("output")),
                row.getString("error"), (Integer) row.getObject("failed_step_order"),
                StepRunsJson.read(JsonValues.unwrap(row.getString("step_runs"))), Sql.instant(row, "created_at"),
                Sql.instant(row, "started_at"), Sql.instant(row, "completed_at"), row.getLong("version"));
    }

    static WorkflowRun withVersion(WorkflowRun r, long version) {
        return new WorkflowRun(r.id(), r.workflowId(), r.owner(), r.workflowVersion(), r.definition(), r.triggeredBy(),
                r.triggerType(), r.triggerData(), r.test(), r.status(), r.output(), r.error(), r.failedStepOrder(),
                r.stepRuns(), r.createdAt(), r.startedAt(), r.completedAt(), version);
    }
}
