package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDocument;
import dev.plugboard.domain.workflow.WorkflowStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Saves, reads, moves and deletes workflows, checking each one in full before it is stored, and audits every change. */
public final class WorkflowService implements ManageWorkflowsUseCase {

    private static final int FIRE_TIMES_SHOWN = 5;

    private final WorkflowRepository workflows;
    private final WorkflowChecks checks;
    private final WorkflowSecrets secrets;
    private final Schedules schedules;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final IdSource ids;

    WorkflowService(WorkflowRepository workflows, WorkflowChecks checks, WorkflowSecrets secrets, Schedules schedules,
                    AuditTrail audit, TimeSource clock, IdSource ids) {
        this.workflows = workflows;
        this.checks = checks;
        this.secrets = secrets;
        this.schedules = schedules;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Saved create(WorkflowActor actor, Map<String, Object> document) {
        WorkflowDocument.Parsed parsed = WorkflowDocument.read(document);
        String target = target(actor, parsed.definition().slug());
        return audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_CREATED, target, () -> {
            WorkflowAccess.requireScopeFits(actor, parsed.definition());
            checks.require(actor.caller().owner(), parsed.definition());
            String id = ids.newId().toString();
            WorkflowSecrets.Sealed sealed = secrets.seal(id, parsed.definition(), Optional.empty());
            Workflow stored = workflows.add(Workflow.create(id, actor.caller().owner(), sealed.definition(),
                    parsed.status().orElse(WorkflowStatus.DRAFT), parsed.enabled().orElse(true), clock.now()));
            Workflow shown = WorkflowSecrets.redacted(stored);
            audit.success(actor.caller().actor(), AuditAction.WORKFLOW_CREATED, target, null, state(shown),
                    "version " + stored.version());
            return new Saved(shown, sealed.generated());
        });
    }

    @Override
    public Saved update(WorkflowActor actor, String slug, Map<String, Object> document, OptionalLong expectedVersion) {
        WorkflowDocument.Parsed parsed = WorkflowDocument.read(document);
        String target = target(actor, slug);
        return audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_UPDATED, target, () -> {
            Workflow current = current(actor, slug, expectedVersion);
            WorkflowAccess.requireScopeFits(actor, parsed.definition());
            checks.require(actor.caller().owner(), parsed.definition());
            WorkflowSecrets.Sealed sealed = secrets.seal(current.id(), parsed.definition(),
                    Optional.of(current.definition()));
            Instant now = clock.now();
            Workflow revised = current.revise(sealed.definition(), now);
            if (parsed.status().isPresent()) {
                revised = revised.moveTo(parsed.status().get(), now);
            }
            revised = revised.switchedOn(parsed.enabled().orElse(revised.enabled()), now);
            Workflow stored = workflows.update(revised);
            Workflow shown = WorkflowSecrets.redacted(stored);
            audit.success(actor.caller().actor(), AuditAction.WORKFLOW_UPDATED, target,
                    state(WorkflowSecrets.redacted(current)), state(shown), "version " + stored.version());
            return new Saved(shown, sealed.generated());
        });
    }

    @Override
    public void delete(WorkflowActor actor, String slug, OptionalLong expectedVersion) {
        String target = target(actor, slug);
        audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_DELETED, target, () -> {
            Workflow current = current(actor, slug, expectedVersion);
            workflows.delete(current);
            audit.success(actor.caller().actor(), AuditAction.WORKFLOW_DELETED, target,
                    state(WorkflowSecrets.redacted(current)), null, "with its runs");
            return null;
        });
    }

    @Override
    public Workflow changeStatus(WorkflowActor actor, String slug, WorkflowStatus status, OptionalLong expectedVersion) {
        String target = target(actor, slug);
        return audit.perform(actor.caller().actor(), AuditAction.WORKFLOW_STATUS_CHANGED, target, () -> {
            Workflow current = current(actor, slug, expectedVersion);
            if (status == WorkflowStatus.ACTIVE) {
                checks.require(actor.caller().owner(), current.definition());
            }
            Workflow moved = current.moveTo(status, clock.now());
            Workflow stored = moved == current ? current : workflows.update(moved);
            audit.success(actor.caller().actor(), AuditAction.WORKFLOW_STATUS_CHANGED, target,
                    JsonDocument.of(Map.of("status", current.status().wireName())),
                    JsonDocument.of(Map.of("status", stored.status().wireName())), "version " + stored.version());
            return WorkflowSecrets.redacted(stored);
        });
    }

    @Override
    public WorkflowDetails get(WorkflowActor actor, String slug) {
        Workflow workflow = WorkflowAccess.visible(actor, workflows.find(actor.caller().owner(), slug), slug);
        List<Instant> next = List.of();
        Optional<String> schedule = Optional.empty();
        if (workflow.definition().triggerType() == TriggerType.SCHEDULE) {
            next = schedules.next(workflow, clock.now(), FIRE_TIMES_SHOWN);
            schedule = Optional.of(schedules.describe(workflow));
        }
        Optional<String> hook = workflow.definition().triggerType() == TriggerType.WEBHOOK
                ? Optional.of("/hooks/" + workflow.id()) : Optional.empty();
        return new WorkflowDetails(WorkflowSecrets.redacted(workflow), next, schedule, hook);
    }

    @Override
    public Page<Workflow> list(WorkflowActor actor, PageRequest page) {
        Page<Workflow> found = workflows.list(actor.caller().owner(), page);
        return new Page<>(found.items().stream().filter(w -> WorkflowAccess.canSee(actor, w))
                .map(WorkflowSecrets::redacted).toList(), found.next());
    }

    private Workflow current(WorkflowActor actor, String slug, OptionalLong expectedVersion) {
        Workflow current = WorkflowAccess.manageable(actor,
                WorkflowAccess.visible(actor, workflows.find(actor.caller().owner(), slug), slug));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new ConcurrencyConflictException("workflow", slug, expectedVersion.getAsLong());
        }
        return current;
    }

    private static String target(WorkflowActor actor, String slug) {
        return "workflow:" + actor.caller().owner() + "/" + slug;
    }

    static JsonDocument state(Workflow workflow) {
        return JsonDocument.of(Map.of("definition", workflow.definition().toJson(), "status", workflow.status().wireName(),
                "isEnabled", workflow.enabled(), "version", workflow.version()));
    }
}
