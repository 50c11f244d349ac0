package dev.plugboard.application.port.out.workflow;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.WorkflowRun;

import java.time.Instant;
import java.util.Optional;

/**
 * Workflow runs and their step runs, stored so that any instance can advance them: each run has a
 * time at which the engine should look at it next ({@code nextCheckAt}).
 */
public interface WorkflowRunRepository {

    /** Stores a new run, due at once. */
    WorkflowRun add(WorkflowRun run);

    Optional<WorkflowRun> find(Owner owner, String id);

    /** One page of the owner's runs of the workflow, newest first. */
    Page<WorkflowRun> list(Owner owner, String workflowId, PageRequest page);

    /**
     * Replaces the stored run provided it still has {@code run.version()}; returns it with the
     * incremented version. {@code nextCheckAt} is when the engine looks at it again; a final run is
     * never looked at again.
     *
     * @throws ConcurrencyConflictException when someone else wrote first
     */
    WorkflowRun update(WorkflowRun run, Instant nextCheckAt);

    /**
     * Takes one queued or running run that is due ({@code nextCheckAt <= now}) and locks it until the
     * transaction ends, skipping runs another instance holds. Call inside a transaction.
     */
    Optional<WorkflowRun> claimDue(Instant now);

    /** How many runs of the workflow are running now. */
    int countRunning(String workflowId);

    /** How many runs the owner started at or after {@code since}, of every workflow. */
    int countStartedSince(Owner owner, Instant since);
}
