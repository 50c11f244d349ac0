package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowDocument;
import dev.plugboard.domain.workflow.WorkflowStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes one row of {@code workflows}. The definition is stored whole in its JSON form
 * and read back through {@link WorkflowDocument}, the same parser REST and the CLI use.
 */
final class WorkflowRow {

    /** The columns {@link #read} reads, of a workflow {@code w}. */
    static final String COLUMNS = "w.id, w.user_id, w.organization_id, w.definition, w.status, w.enabled, "
            + "w.execution_count, w.last_executed_at, w.last_error, w.version, w.created_at, w.updated_at";

    private WorkflowRow() {
    }

    static String definitionJson(WorkflowDefinition definition) {
        return JsonDocument.of(definition.toJson()).toJson();
    }

    static WorkflowDefinition definition(String json) {
        Map<String, Object> fields = JsonDocument.parse(json).asMap();
        return WorkflowDocument.read(fields).definition();
    }

    static Workflow read(ResultSet row) throws SQLException {
        return new Workflow(row.getObject("id").toString(), Owners.read(row, "user_id", "organization_id"),
                definition(row.getString("definition")), WorkflowStatus.fromWire(row.getString("status")),
                row.getBoolean("enabled"), row.getLong("execution_count"),
                Optional.ofNullable(Sql.instant(row, "last_executed_at")), Optional.ofNullable(row.getString("last_error")),
                row.getLong("version"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }

    static Workflow withVersion(Workflow w, long version) {
        return new Workflow(w.id(), w.owner(), w.definition(), w.status(), w.enabled(), w.executionCount(),
                w.lastExecutedAt(), w.lastError(), version, w.createdAt(), w.updatedAt());
    }
}
