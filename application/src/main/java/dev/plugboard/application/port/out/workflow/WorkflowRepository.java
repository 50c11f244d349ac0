package dev.plugboard.application.port.out.workflow;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Saved workflows, looked up through their owner (by slug) or, for triggers, by id. */
public interface WorkflowRepository {

    /**
     * Stores a new workflow and returns it as stored (version 1).
     *
     * @throws WorkflowException {@code workflow_exists} when the owner has one with this slug
     */
    Workflow add(Workflow workflow);

    Optional<Workflow> find(Owner owner, String slug);

    Optional<Workflow> findById(String id);

    /** Every owner's workflows, in no particular order (for exporting the declarative state). */
    List<Workflow> all();

    /** The reference a state file gave for the workflow's webhook secret (never the secret); empty when none. */
    Optional<String> secretReference(String id);

    /** Remembers (or, empty, forgets) that reference; never changes the version. */
    void putSecretReference(String id, Optional<String> reference);

    /** One page of the owner's workflows, by slug. */
    Page<Workflow> list(Owner owner, PageRequest page);

    /**
     * Replaces the stored workflow provided it still has {@code workflow.version()}; returns it with
     * the incremented version. A changed slug must stay unique for the owner.
     *
     * @throws ConcurrencyConflictException when someone else wrote first
     */
    Workflow update(Workflow workflow);

    /**
     * Deletes the workflow and its runs, provided it still has {@code version}.
     *
     * @throws ConcurrencyConflictException when someone else wrote first
     */
    void delete(Workflow workflow);

    /** Counts a run that reached its end; never changes the version. */
    void recordExecution(String id, Instant at, Optional<String> error);

    /** Live (active and enabled) workflows of every owner with this trigger type, for the scheduler. */
    List<Workflow> live(TriggerType type);

    /** The owner's live workflows with this trigger type, for events. */
    List<Workflow> live(Owner owner, TriggerType type);

    /**
     * Locks the workflow row until the transaction ends, so that only one instance at a time
     * decides how many of its runs may start. Call inside a transaction.
     */
    void lock(String id);
}
