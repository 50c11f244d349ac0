package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowException;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workflows in memory, unique per owner and slug, with optimistic locking like the database.
 * Deleting a workflow also forgets its runs and trigger ledger rows, as the database's cascade does.
 */
public final class InMemoryWorkflowRepository implements WorkflowRepository, Snapshotting {

    private final InMemoryWorkflowRunRepository runs;
    private final InMemoryTriggerLedger ledger;
    private Map<String, Workflow> workflows = new LinkedHashMap<>();
    private Map<String, String> references = new LinkedHashMap<>();

    public InMemoryWorkflowRepository(InMemoryWorkflowRunRepository runs, InMemoryTriggerLedger ledger) {
        this.runs = runs;
        this.ledger = ledger;
    }

    @Override
    public synchronized Workflow add(Workflow workflow) {
        if (workflows.containsKey(workflow.id())) {
            throw new IllegalStateException("workflow " + workflow.id() + " already exists");
        }
        requireFreeSlug(workflow);
        Workflow stored = withVersion(workflow, 1, workflow);
        workflows.put(workflow.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Workflow> find(Owner owner, String slug) {
        return workflows.values().stream().filter(w -> w.owner().equals(owner) && w.slug().equals(slug)).findFirst();
    }

    @Override
    public synchronized Optional<Workflow> findById(String id) {
        return Optional.ofNullable(workflows.get(id));
    }

    @Override
    public synchronized List<Workflow> all() {
        return List.copyOf(workflows.values());
    }

    @Override
    public synchronized Optional<String> secretReference(String id) {
        return Optional.ofNullable(references.get(id));
    }

    @Override
    public synchronized void putSecretReference(String id, Optional<String> reference) {
        if (workflows.containsKey(id)) {
            reference.ifPresentOrElse(r -> references.put(id, r), () -> references.remove(id));
        }
    }

    @Override
    public synchronized Page<Workflow> list(Owner owner, PageRequest page) {
        Optional<String> after = page.after().map(cursor -> Cursor.decode(cursor, 1).get(0));
        List<Workflow> fetched = workflows.values().stream()
                .filter(w -> w.owner().equals(owner))
                .filter(w -> after.map(slug -> w.slug().compareTo(slug) > 0).orElse(true))
                .sorted(Comparator.comparing(Workflow::slug))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetched(fetched, page.limit(), workflow -> Cursor.encode(workflow.slug()));
    }

    @Override
    public synchronized Workflow update(Workflow workflow) {
        Workflow current = current(workflow);
        requireFreeSlug(workflow);
        // The counters are the stored ones: recordExecution owns them.
        Workflow stored = withVersion(workflow, workflow.version() + 1, current);
        workflows.put(workflow.id(), stored);
        return stored;
    }

    @Override
    public synchronized void delete(Workflow workflow) {
        current(workflow);
        workflows.remove(workflow.id());
        references.remove(workflow.id());
        runs.forgetWorkflow(workflow.id());
        ledger.forgetWorkflow(workflow.id());
    }

    @Override
    public synchronized void recordExecution(String id, Instant at, Optional<String> error) {
        Workflow w = workflows.get(id);
        if (w != null) {
            workflows.put(id, new Workflow(w.id(), w.owner(), w.definition(), w.status(), w.enabled(),
                    w.executionCount() + 1, Optional.of(at), error, w.version(), w.createdAt(), w.updatedAt()));
        }
    }

    @Override
    public synchronized List<Workflow> live(TriggerType type) {
        return workflows.values().stream().filter(w -> w.isLive() && w.definition().triggerType() == type)
                .sorted(Comparator.comparing(Workflow::createdAt).thenComparing(Workflow::id)).toList();
    }

    @Override
    public synchronized List<Workflow> live(Owner owner, TriggerType type) {
        return live(type).stream().filter(w -> w.owner().equals(owner)).sorted(Comparator.comparing(Workflow::slug))
                .toList();
    }

    /** Nothing to do: in-memory transactions run one at a time already. */
    @Override
    public void lock(String id) {
        // The InMemoryTransactionBoundary serializes every transaction, which is a stronger lock.
    }

    private Workflow current(Workflow workflow) {
        Workflow current = workflows.get(workflow.id());
        if (current == null || !current.owner().equals(workflow.owner()) || current.version() != workflow.version()) {
            throw new ConcurrencyConflictException("workflow", workflow.owner() + "/" + workflow.slug(), workflow.version());
        }
        return current;
    }

    private void requireFreeSlug(Workflow workflow) {
        boolean taken = workflows.values().stream().anyMatch(other -> !other.id().equals(workflow.id())
                && other.owner().equals(workflow.owner()) && other.slug().equals(workflow.slug()));
        if (taken) {
            throw WorkflowException.slugTaken(workflow.slug());
        }
    }

    private static Workflow withVersion(Workflow w, long version, Workflow counters) {
        return new Workflow(w.id(), w.owner(), w.definition(), w.status(), w.enabled(), counters.executionCount(),
                counters.lastExecutedAt(), counters.lastError(), version, w.createdAt(), w.updatedAt());
    }

    @Override
    public synchronized Object snapshot() {
        return List.of(new LinkedHashMap<>(workflows), new LinkedHashMap<>(references));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Map<String, ?>> both = (List<Map<String, ?>>) snapshot;
        workflows = new LinkedHashMap<>((Map<String, Workflow>) both.get(0));
        references = new LinkedHashMap<>((Map<String, String>) both.get(1));
    }
}
