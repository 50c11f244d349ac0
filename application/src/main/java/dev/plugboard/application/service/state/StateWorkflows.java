package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.service.workflow.Workflows;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowStatus;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The workflows part of export and apply. Apply saves each workflow through the ordinary use case
 * (as an administrator of its owner), so every save-time check runs, against the installations
 * the same transaction has just made; a workflow the checks refuse is collected as a problem with
 * its place in the document, and the whole apply is then undone.
 */
final class StateWorkflows {

    /** What the apply plans for workflows: change lines, unchanged lines, and the steps making the changes. */
    record Plan(List<String> changes, List<String> unchanged, List<Runnable> steps, List<String> failures) {
    }

    private final WorkflowRepository repository;
    private final Workflows workflows;

    /** @param workflows null when this Plugboard has no workflow language: the state then has no workflows */
    StateWorkflows(WorkflowRepository repository, Workflows workflows) {
        this.repository = repository;
        this.workflows = workflows;
    }

    boolean available() {
        return workflows != null;
    }

    List<Map<String, Object>> export(Optional<Owner> owner, List<String> warnings) {
        return WorkflowEntries.export(inScope(owner), w -> repository.secretReference(w.id()), warnings);
    }

    private List<Workflow> inScope(Optional<Owner> owner) {
        return repository.all().stream().filter(w -> owner.isEmpty() || owner.get().equals(w.owner())).toList();
    }

    void plan(Actor actor, Optional<Owner> scope, List<WorkflowEntries.Wanted> wanted, boolean prune, Plan plan) {
        Set<String> named = new HashSet<>();
        for (WorkflowEntries.Wanted one : wanted) {
            named.add(one.name());
            WorkflowActor as = administrator(actor, one.owner());
            Optional<Workflow> current = repository.find(one.owner(), one.slug());
            if (current.isEmpty()) {
                plan.changes().add("+ workflow " + one.name());
                plan.steps().add(guarded(one.where(), plan, () -> create(as, one)));
            } else if (matches(current.get(), one)) {
                plan.unchanged().add("= workflow " + one.name());
            } else {
                plan.changes().add("~ workflow " + one.name());
                plan.steps().add(guarded(one.where(), plan, () -> update(as, current.get(), one)));
            }
            boolean sameReference = current.isPresent() && (one.reference().isEmpty()
                    || one.reference().equals(repository.secretReference(current.get().id())));
            if (!sameReference) {
                // Remembered for the next export; a workflow the apply failed to save has nothing to remember it by.
                plan.steps().add(() -> repository.find(one.owner(), one.slug())
                        .ifPresent(saved -> repository.putSecretReference(saved.id(), one.reference())));
            }
        }
        if (prune) {
            inScope(scope).stream().filter(w -> !named.contains(w.owner() + "/" + w.slug())).forEach(w -> {
                plan.changes().add("- workflow " + w.owner() + "/" + w.slug());
                plan.steps().add(guarded("workflow " + w.owner() + "/" + w.slug(), plan, () ->
                        workflows.manage().delete(administrator(actor, w.owner()), w.slug(), OptionalLong.empty())));
            });
        }
    }

    private static WorkflowActor administrator(Actor actor, Owner owner) {
        return new WorkflowActor(new Caller(actor, owner, Optional.empty()), true, Optional.empty());
    }

    /** Runs {@code step}; a refusal becomes a problem naming {@code where}, each of a workflow's problems on its own. */
    private static Runnable guarded(String where, Plan plan, Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (InvalidWorkflowException e) {
                e.problems().forEach(problem -> plan.failures().add(where + " " + problem));
            } catch (DomainException e) {
                plan.failures().add(where + ": " + e.getMessage());
            }
        };
    }

    /** A paused workflow can't be created, nor a draft paused, directly: both go through active. */
    private void create(WorkflowActor as, WorkflowEntries.Wanted one) {
        boolean paused = one.parsed().status().orElse(WorkflowStatus.DRAFT) == WorkflowStatus.PAUSED;
        workflows.manage().create(as, paused ? withStatus(one.document(), WorkflowStatus.ACTIVE) : one.document());
        if (paused) {
            workflows.manage().changeStatus(as, one.slug(), WorkflowStatus.PAUSED, OptionalLong.empty());
        }
    }

    private void update(WorkflowActor as, Workflow current, WorkflowEntries.Wanted one) {
        boolean paused = one.parsed().status().orElse(current.status()) == WorkflowStatus.PAUSED
                && current.status() == WorkflowStatus.DRAFT;
        workflows.manage().update(as, one.slug(), paused ? withStatus(one.document(), WorkflowStatus.ACTIVE)
                : one.document(), OptionalLong.empty());
        if (paused) {
            workflows.manage().changeStatus(as, one.slug(), WorkflowStatus.PAUSED, OptionalLong.empty());
        }
    }

    private static Map<String, Object> withStatus(Map<String, Object> document, WorkflowStatus status) {
        Map<String, Object> copy = new LinkedHashMap<>(document);
        copy.put("status", status.wireName());
        return copy;
    }

    /** Same definition, status and switch; a declared webhook secret compared with the stored one in clear. */
    private boolean matches(Workflow current, WorkflowEntries.Wanted one) {
        WorkflowDefinition wanted = one.parsed().definition();
        Optional<Object> secret = wanted.triggerConfig().get("secret").filter(s -> !SettingsPolicy.REDACTED.equals(s));
        boolean sameSecret = secret.isEmpty() || secret.map(String::valueOf).equals(workflows.webhookSecret(current));
        return sameSecret && withoutSecret(wanted).equals(withoutSecret(current.definition()))
                && one.parsed().status().orElse(current.status()) == current.status()
                && one.parsed().enabled().orElse(current.enabled()) == current.enabled();
    }

    private static JsonDocument withoutSecret(WorkflowDefinition definition) {
        Map<String, Object> json = new LinkedHashMap<>(definition.toJson());
        json.put("triggerConfig", definition.triggerConfig().removeAt("/secret").asMap());
        return JsonDocument.of(json);
    }
}
