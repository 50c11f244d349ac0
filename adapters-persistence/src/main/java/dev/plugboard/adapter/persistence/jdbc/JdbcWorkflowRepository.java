package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Workflows in PostgreSQL. Owner-facing statements name the owner in their WHERE clause; edits and
 * deletes are compare-and-set on the version, while the execution counters move apart from it.
 */
@Singleton
public final class JdbcWorkflowRepository implements WorkflowRepository {

    private static final Set<String> SLUG_KEYS = Set.of("workflows_user_slug_key", "workflows_organization_slug_key");
    private static final String SELECT = "SELECT " + WorkflowRow.COLUMNS + " FROM workflows w";
    private static final String LIVE = " w.status = 'ACTIVE' AND w.enabled AND w.trigger_type = ?";

    private final Sql sql;
    private final JdbcOwnerDirectory owners;

    public JdbcWorkflowRepository(Sql sql, JdbcOwnerDirectory owners) {
        this.sql = sql;
        this.owners = owners;
    }

    @Override
    public Workflow add(Workflow workflow) {
        UUID id = JsonValues.requireUuid("workflow", workflow.id());
        // The owner row the foreign key needs; the use cases provision it already, other callers need not.
        owners.ensureExists(workflow.owner(), workflow.createdAt());
        try {
            sql.update("INSERT INTO workflows (id, user_id, organization_id, slug, definition, status, enabled, "
                            + "trigger_type, execution_count, last_executed_at, last_error, version, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    id, Owners.userId(workflow.owner()), Owners.organizationId(workflow.owner()), workflow.slug(),
                    WorkflowRow.definitionJson(workflow.definition()), workflow.status().wireName(), workflow.enabled(),
                    workflow.definition().triggerType().wireName(), workflow.executionCount(),
                    workflow.lastExecutedAt().orElse(null), workflow.lastError().orElse(null), workflow.createdAt(),
                    workflow.updatedAt());
        } catch (UniqueViolation e) {
            throw slugTaken(e, workflow);
        }
        return WorkflowRow.withVersion(workflow, 1);
    }

    @Override
    public Optional<Workflow> find(Owner owner, String slug) {
        return sql.one(SELECT + " WHERE w." + Owners.column(owner) + " = ? AND w.slug = ?", WorkflowRow::read,
                owner.id(), slug);
    }

    @Override
    public Optional<Workflow> findById(String id) {
        return JsonValues.uuid(id).flatMap(uuid -> sql.one(SELECT + " WHERE w.id = ?", WorkflowRow::read, uuid));
    }

    @Override
    public List<Workflow> all() {
        return sql.list(SELECT + " ORDER BY w.created_at, w.id", WorkflowRow::read);
    }

    @Override
    public Optional<String> secretReference(String id) {
        return JsonValues.uuid(id).flatMap(uuid -> sql.one("SELECT secret_reference FROM workflows WHERE id = ?",
                row -> Optional.ofNullable(row.getString(1)), uuid)).flatMap(reference -> reference);
    }

    @Override
    public void putSecretReference(String id, Optional<String> reference) {
        sql.update("UPDATE workflows SET secret_reference = ? WHERE id = ?", reference.orElse(null),
                JsonValues.requireUuid("workflow", id));
    }

    @Override
    public Page<Workflow> list(Owner owner, PageRequest page) {
        Optional<String> after = page.after().map(cursor -> Cursor.decode(cursor, 1).get(0));
        String where = " WHERE w." + Owners.column(owner) + " = ?" + (after.isPresent() ? " AND w.slug > ?" : "");
        Object[] params = after.isPresent() ? new Object[] {owner.id(), after.get(), page.limit() + 1}
                : new Object[] {owner.id(), page.limit() + 1};
        List<Workflow> fetched = sql.list(SELECT + where + " ORDER BY w.slug LIMIT ?", WorkflowRow::read, params);
        return Page.fromOverfetched(fetched, page.limit(), workflow -> Cursor.encode(workflow.slug()));
    }

    @Override
    public Workflow update(Workflow workflow) {
        Optional<Workflow> updated;
        try {
            updated = sql.one("UPDATE workflows w SET slug = ?, definition = ?::jsonb, status = ?, enabled = ?, "
                            + "trigger_type = ?, updated_at = ?, version = w.version + 1 "
                            + "WHERE w.id = ? AND w." + Owners.column(workflow.owner()) + " = ? AND w.version = ? "
                            + "RETURNING " + WorkflowRow.COLUMNS, WorkflowRow::read,
                    workflow.slug(), WorkflowRow.definitionJson(workflow.definition()), workflow.status().wireName(),
                    workflow.enabled(), workflow.definition().triggerType().wireName(), workflow.updatedAt(),
                    JsonValues.requireUuid("workflow", workflow.id()), workflow.owner().id(), workflow.version());
        } catch (UniqueViolation e) {
            throw slugTaken(e, workflow);
        }
        return updated.orElseThrow(() -> conflict(workflow));
    }

    @Override
    public void delete(Workflow workflow) {
        // Runs, fires and deliveries go with it (ON DELETE CASCADE).
        int deleted = sql.update("DELETE FROM workflows WHERE id = ? AND " + Owners.column(workflow.owner())
                + " = ? AND version = ?", JsonValues.requireUuid("workflow", workflow.id()), workflow.owner().id(),
                workflow.version());
        if (deleted == 0) {
            throw conflict(workflow);
        }
    }

    @Override
    public void recordExecution(String id, Instant at, Optional<String> error) {
        String lastError = error.map(e -> e.length() > 2000 ? e.substring(0, 2000) : e).orElse(null);
        // One atomic increment: concurrent runs never lose a count, and the version stays as the owner read it.
        JsonValues.uuid(id).ifPresent(uuid -> sql.update("UPDATE workflows SET execution_count = execution_count + 1, "
                + "last_executed_at = ?, last_error = ? WHERE id = ?", at, lastError, uuid));
    }

    @Override
    public List<Workflow> live(TriggerType type) {
        return sql.list(SELECT + " WHERE" + LIVE + " ORDER BY w.created_at, w.id", WorkflowRow::read, type.wireName());
    }

    @Override
    public List<Workflow> live(Owner owner, TriggerType type) {
        return sql.list(SELECT + " WHERE w." + Owners.column(owner) + " = ? AND" + LIVE + " ORDER BY w.slug",
                WorkflowRow::read, owner.id(), type.wireName());
    }

    @Override
    public void lock(String id) {
        JsonValues.uuid(id).ifPresent(uuid -> sql.list("SELECT 1 FROM workflows WHERE id = ? FOR UPDATE", row -> 1, uuid));
    }

    private static RuntimeException slugTaken(UniqueViolation e, Workflow workflow) {
        return SLUG_KEYS.contains(e.constraint()) ? WorkflowException.slugTaken(workflow.slug()) : e;
    }

    private static ConcurrencyConflictException conflict(Workflow workflow) {
        return new ConcurrencyConflictException("workflow", workflow.owner() + "/" + workflow.slug(), workflow.version());
    }
}
