package dev.plugboard.adapter.cli.testing;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDocument;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowStatus;
import dev.plugboard.domain.workflow.WorkflowStep;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Stands in for the workflow services, which only bootstrap wires, so the commands' parsing and
 * printing can be tested here: it keeps workflows per owner and advances a run by one step each
 * time it is read. The real services are exercised by bootstrap's WorkflowCliProcessTest.
 */
@Singleton
public class FakeWorkflows implements ManageWorkflowsUseCase, RunWorkflowsUseCase {

    /** The plugins a step may name; any other is "not installed". */
    public static final Set<String> INSTALLED = Set.of("summarizer", "webhook", "analytics");

    private final Map<String, Workflow> workflows = new LinkedHashMap<>();
    private final Map<String, WorkflowRun> runs = new LinkedHashMap<>();
    private UnaryOperator<WorkflowRun> engine = FakeWorkflows::advance;

    public synchronized void reset() {
        workflows.clear();
        runs.clear();
        engine = FakeWorkflows::advance;
    }

    /** What reading a run does to it: by default one more step completes; {@code r -> r} never ends it. */
    public synchronized void engine(UnaryOperator<WorkflowRun> next) {
        engine = next;
    }

    public synchronized int stored() {
        return workflows.size();
    }

    @Override
    public synchronized Saved create(WorkflowActor actor, Map<String, Object> document) {
        WorkflowDocument.Parsed parsed = WorkflowDocument.read(document);
        check(parsed.definition().steps());
        Owner owner = actor.caller().owner();
        if (workflows.containsKey(key(owner, parsed.definition().slug()))) {
            throw WorkflowException.slugTaken(parsed.definition().slug());
        }
        Workflow created = Workflow.create(UUID.randomUUID().toString(), owner, parsed.definition(),
                parsed.status().orElse(null), parsed.enabled().orElse(true), Instant.now());
        workflows.put(key(owner, created.slug()), created);
        return new Saved(created, parsed.definition().triggerType() == TriggerType.WEBHOOK
                ? Optional.of("whsec-shown-once") : Optional.empty());
    }

    @Override
    public synchronized Saved update(WorkflowActor actor, String slug, Map<String, Object> document,
                                     OptionalLong expectedVersion) {
        Workflow current = find(actor, slug, expectedVersion);
        WorkflowDocument.Parsed parsed = WorkflowDocument.read(document);
        check(parsed.definition().steps());
        Workflow revised = current.revise(parsed.definition(), Instant.now());
        Workflow moved = parsed.status().map(s -> revised.moveTo(s, Instant.now())).orElse(revised);
        store(actor, slug, bump(moved.status(), moved));
        return new Saved(workflows.get(key(actor.caller().owner(), parsed.definition().slug())), Optional.empty());
    }

    @Override
    public synchronized void delete(WorkflowActor actor, String slug, OptionalLong expectedVersion) {
        find(actor, slug, expectedVersion);
        workflows.remove(key(actor.caller().owner(), slug));
    }

    @Override
    public synchronized Workflow changeStatus(WorkflowActor actor, String slug, WorkflowStatus target,
                                              OptionalLong expectedVersion) {
        Workflow moved = find(actor, slug, expectedVersion).moveTo(target, Instant.now());
        store(actor, slug, bump(target, moved));
        return workflows.get(key(actor.caller().owner(), slug));
    }

    @Override
    public synchronized WorkflowDetails get(WorkflowActor actor, String slug) {
        return new WorkflowDetails(find(actor, slug, OptionalLong.empty()), List.of(), Optional.empty(), Optional.empty());
    }

    @Override
    public synchronized Page<Workflow> list(WorkflowActor actor, PageRequest page) {
        return new Page<>(workflows.values().stream().filter(w -> w.owner().equals(actor.caller().owner())).toList(),
                Optional.empty());
    }

    @Override
    public synchronized WorkflowRun run(WorkflowActor actor, String slug, Map<String, Object> triggerData) {
        WorkflowRun run = WorkflowRun.queue(UUID.randomUUID().toString(), find(actor, slug, OptionalLong.empty()),
                "cli", TriggerType.MANUAL, triggerData, false, Instant.now());
        runs.put(run.id(), run);
        return run;
    }

    @Override
    public synchronized TestReport test(WorkflowActor actor, String slug, Map<String, Object> triggerData,
                                        boolean execute) {
        Workflow workflow = find(actor, slug, OptionalLong.empty());
        List<StepPreview> previews = workflow.definition().steps().stream().map(step -> new StepPreview(step.order(),
                step.name(), step.plugin().value(), Optional.empty(), true, Optional.<Object>of(triggerData),
                Optional.<String>empty())).toList();
        return new TestReport(previews, execute ? Optional.of(run(actor, slug, triggerData)) : Optional.empty());
    }

    @Override
    public synchronized Page<WorkflowRun> runs(WorkflowActor actor, String slug, PageRequest page) {
        Workflow workflow = find(actor, slug, OptionalLong.empty());
        List<WorkflowRun> found = new ArrayList<>(runs.values().stream()
                .filter(run -> run.workflowId().equals(workflow.id())).toList());
        java.util.Collections.reverse(found);
        return new Page<>(found, Optional.empty());
    }

    @Override
    public synchronized WorkflowRun getRun(WorkflowActor actor, String runId) {
        WorkflowRun run = runs.get(runId);
        if (run == null || !run.owner().equals(actor.caller().owner())) {
            throw WorkflowException.runNotFound(runId);
        }
        WorkflowRun next = engine.apply(run);
        runs.put(runId, next);
        return next;
    }

    @Override
    public synchronized WorkflowRun cancel(WorkflowActor actor, String runId) {
        WorkflowRun cancelled = getRunAsIs(actor, runId).cancelled(Instant.now());
        runs.put(runId, cancelled);
        return cancelled;
    }

    private WorkflowRun getRunAsIs(WorkflowActor actor, String runId) {
        WorkflowRun run = runs.get(runId);
        if (run == null || !run.owner().equals(actor.caller().owner())) {
            throw WorkflowException.runNotFound(runId);
        }
        return run;
    }

    /** One more step completes (echoing its input); the run completes after the last. */
    private static WorkflowRun advance(WorkflowRun run) {
        Instant now = Instant.now();
        WorkflowRun started = run.startedAt() == null ? run.started(now) : run;
        return started.current().map(step -> started.with(step.resolved(Map.of(), null, now).queuedAs(UUID.randomUUID().toString())
                .completed(Map.of("step", step.stepOrder()), now)))
                .map(next -> next.current().isEmpty() ? next.completed(Map.of("done", true), now) : next)
                .orElse(started);
    }

    private static void check(List<WorkflowStep> steps) {
        List<InvalidWorkflowException.Problem> problems = steps.stream()
                .filter(step -> !INSTALLED.contains(step.plugin().value()))
                .map(step -> new InvalidWorkflowException.Problem(step.order(), "/steps/" + step.order() + "/plugin",
                        "plugin '" + step.plugin().value() + "' is not installed for this owner"))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
    }

    private Workflow find(WorkflowActor actor, String slug, OptionalLong expectedVersion) {
        Workflow workflow = workflows.get(key(actor.caller().owner(), slug));
        if (workflow == null) {
            throw WorkflowException.notFound(slug);
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != workflow.version()) {
            throw new ConcurrencyConflictException("workflow", slug, expectedVersion.getAsLong());
        }
        return workflow;
    }

    private void store(WorkflowActor actor, String slug, Workflow workflow) {
        workflows.remove(key(actor.caller().owner(), slug));
        workflows.put(key(workflow.owner(), workflow.slug()), workflow);
    }

    private static Workflow bump(WorkflowStatus status, Workflow w) {
        return new Workflow(w.id(), w.owner(), w.definition(), status, w.enabled(), w.executionCount(), w.lastExecutedAt(),
                w.lastError(), w.version() + 1, w.createdAt(), w.updatedAt());
    }

    private static String key(Owner owner, String slug) {
        return owner + "/" + slug;
    }
}
