package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Workflow runs in memory, newest first, with optimistic locking and due times like the database.
 * Run ids are UUIDs, as the keyset cursor of the listing needs.
 */
public final class InMemoryWorkflowRunRepository implements WorkflowRunRepository, Snapshotting {

    /** A run and when the engine looks at it next (null once it is final). */
    private record Stored(WorkflowRun run, Instant nextCheckAt) {
    }

    private static final Comparator<WorkflowRun> NEWEST_FIRST = Comparator.comparing(WorkflowRun::createdAt)
            .thenComparing(run -> UUID.fromString(run.id()).toString())
            .reversed();

    private Map<String, Stored> runs = new LinkedHashMap<>();

    @Override
    public synchronized WorkflowRun add(WorkflowRun run) {
        if (runs.containsKey(run.id())) {
            throw new IllegalStateException("workflow run " + run.id() + " already exists");
        }
        WorkflowRun stored = withVersion(run, 0);
        runs.put(run.id(), new Stored(stored, run.status().isFinal() ? null : run.createdAt()));
        return stored;
    }

    @Override
    public synchronized Optional<WorkflowRun> find(Owner owner, String id) {
        return Optional.ofNullable(runs.get(id)).map(Stored::run).filter(run -> run.owner().equals(owner));
    }

    @Override
    public synchronized Page<WorkflowRun> list(Owner owner, String workflowId, PageRequest page) {
        Optional<Cursor.TimeAndId> after = page.after().map(Cursor.TimeAndId::decode);
        List<WorkflowRun> fetched = runs.values().stream().map(Stored::run)
                .filter(run -> run.owner().equals(owner) && run.workflowId().equals(workflowId))
                .sorted(NEWEST_FIRST)
                .filter(run -> after.map(cursor -> cursor.isFollowedBy(run.createdAt(), UUID.fromString(run.id())))
                        .orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetched(fetched, page.limit(),
                run -> Cursor.TimeAndId.encode(run.createdAt(), UUID.fromString(run.id())));
    }

    @Override
    public synchronized WorkflowRun update(WorkflowRun run, Instant nextCheckAt) {
        Stored current = runs.get(run.id());
        if (current == null || !current.run().owner().equals(run.owner()) || current.run().version() != run.version()) {
            throw new ConcurrencyConflictException("workflow run", run.id(), run.version());
        }
        WorkflowRun stored = withVersion(run, run.version() + 1);
        runs.put(run.id(), new Stored(stored, run.status().isFinal() ? null : nextCheckAt));
        return stored;
    }

    /** The due run looked at longest ago; in-memory transactions run one at a time, so there is nobody to skip. */
    @Override
    public synchronized Optional<WorkflowRun> claimDue(Instant now) {
        return runs.values().stream()
                .filter(s -> !s.run().status().isFinal() && s.nextCheckAt() != null && !s.nextCheckAt().isAfter(now))
                .min(Comparator.comparing(Stored::nextCheckAt).thenComparing(s -> s.run().createdAt()).thenComparing(s -> s.run().id()))
                .map(Stored::run);
    }

    @Override
    public synchronized int countRunning(String workflowId) {
        return (int) runs.values().stream().map(Stored::run)
                .filter(run -> run.workflowId().equals(workflowId) && run.status() == WorkflowRunStatus.RUNNING).count();
    }

    @Override
    public synchronized int countStartedSince(Owner owner, Instant since) {
        return (int) runs.values().stream().map(Stored::run)
                .filter(run -> run.owner().equals(owner) && !run.createdAt().isBefore(since)).count();
    }

    /** Drops the runs of a deleted workflow, as the database's cascade does. */
    synchronized void forgetWorkflow(String workflowId) {
        runs.values().removeIf(s -> s.run().workflowId().equals(workflowId));
    }

    private static WorkflowRun withVersion(WorkflowRun r, long version) {
        return new WorkflowRun(r.id(), r.workflowId(), r.owner(), r.workflowVersion(), r.definition(), r.triggeredBy(),
                r.triggerType(), r.triggerData(), r.test(), r.status(), r.output(), r.error(), r.failedStepOrder(),
                r.stepRuns(), r.createdAt(), r.startedAt(), r.completedAt(), version);
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(runs);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        runs = new LinkedHashMap<>((Map<String, Stored>) snapshot);
    }
}
