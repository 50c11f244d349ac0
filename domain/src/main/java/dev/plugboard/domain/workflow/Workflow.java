package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.time.Instant;
import java.util.Optional;

/**
 * A saved workflow of an owner: its definition, where it is in its life, and how often it ran.
 * Immutable; every change returns a copy, and {@code version} is the stored copy's version when it
 * was loaded (it increases on every change, and runs record the version they ran). The execution
 * counters are kept apart from the version, so that runs never make an owner's edit look stale.
 */
public record Workflow(String id, Owner owner, WorkflowDefinition definition, WorkflowStatus status, boolean enabled,
                       long executionCount, Optional<Instant> lastExecutedAt, Optional<String> lastError,
                       long version, Instant createdAt, Instant updatedAt) {

    public Workflow {
        Require.nonBlank("workflow id", id);
        Require.present("owner", owner);
        Require.present("definition", definition);
        Require.present("status", status);
        lastExecutedAt = lastExecutedAt == null ? Optional.empty() : lastExecutedAt;
        lastError = lastError == null ? Optional.empty() : lastError;
        Require.notNegative("version", version);
        Require.present("created at", createdAt);
        Require.present("updated at", updatedAt);
    }

    /** A new workflow, in {@code DRAFT} unless its author asked for another status. */
    public static Workflow create(String id, Owner owner, WorkflowDefinition definition, WorkflowStatus status,
                                  boolean enabled, Instant now) {
        Workflow draft = new Workflow(id, owner, definition, WorkflowStatus.DRAFT, enabled, 0, Optional.empty(),
                Optional.empty(), 0, now, now);
        return status == null || status == WorkflowStatus.DRAFT ? draft : draft.moveTo(status, now);
    }

    public String slug() {
        return definition.slug();
    }

    /** The workflow with a new definition; an archived workflow is read-only. */
    public Workflow revise(WorkflowDefinition revised, Instant now) {
        if (status == WorkflowStatus.ARCHIVED) {
            throw WorkflowException.state(slug(), "is archived and can't be changed; create a new workflow instead");
        }
        return new Workflow(id, owner, revised, status, enabled, executionCount, lastExecutedAt, lastError, version,
                createdAt, now);
    }

    /**
     * Moves to {@code target}: draft and paused workflows may become active, active ones paused, any
     * one archived; archived is final.
     */
    public Workflow moveTo(WorkflowStatus target, Instant now) {
        Require.present("status", target);
        if (target == status) {
            return this;
        }
        boolean allowed = switch (target) {
            case ACTIVE -> status == WorkflowStatus.DRAFT || status == WorkflowStatus.PAUSED;
            case PAUSED -> status == WorkflowStatus.ACTIVE;
            case ARCHIVED -> true;
            case DRAFT -> false;
        };
        if (!allowed) {
            throw WorkflowException.state(slug(), "can't go from " + status.wireName() + " to " + target.wireName()
                    + (status == WorkflowStatus.ARCHIVED ? "; an archived workflow stays archived" : ""));
        }
        return new Workflow(id, owner, definition, target, enabled, executionCount, lastExecutedAt, lastError, version,
                createdAt, now);
    }

    public Workflow switchedOn(boolean on, Instant now) {
        return on == enabled ? this : new Workflow(id, owner, definition, status, on, executionCount, lastExecutedAt,
                lastError, version, createdAt, now);
    }

    /** Whether its trigger starts it on its own: active and switched on. */
    public boolean isLive() {
        return status == WorkflowStatus.ACTIVE && enabled;
    }
}
