package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowScope;

import java.util.Optional;

/**
 * Who may see, run and manage a workflow. An owner sees only their own; a department workflow is
 * seen by members of that department and the organization's administrators; everything else is not
 * found, so that nobody learns another owner's workflows exist. Organization workflows are managed by
 * the organization's administrators only; every member may run them.
 */
final class WorkflowAccess {

    private WorkflowAccess() {
    }

    static Workflow visible(WorkflowActor actor, Optional<Workflow> found, String slug) {
        return found.filter(workflow -> canSee(actor, workflow)).orElseThrow(() -> WorkflowException.notFound(slug));
    }

    static boolean canSee(WorkflowActor actor, Workflow workflow) {
        if (!workflow.owner().equals(actor.caller().owner())) {
            return false;
        }
        WorkflowDefinition definition = workflow.definition();
        return definition.scope() != WorkflowScope.DEPARTMENT || actor.organizationAdmin()
                || actor.department().equals(definition.department());
    }

    /** A workflow the actor can see, that they may also change. */
    static Workflow manageable(WorkflowActor actor, Workflow workflow) {
        if (workflow.owner().kind() == Owner.Kind.ORGANIZATION && !actor.organizationAdmin()) {
            throw WorkflowException.forbidden(workflow.slug(), "only an administrator of organization "
                    + workflow.owner().id() + " may change its workflows; members may run them");
        }
        return workflow;
    }

    /** The scope must fit the owner: USER for a user's own workflows, the other two for an organization's. */
    static void requireScopeFits(WorkflowActor actor, WorkflowDefinition definition) {
        Owner owner = actor.caller().owner();
        boolean organization = owner.kind() == Owner.Kind.ORGANIZATION;
        if (organization && definition.scope() == WorkflowScope.USER) {
            throw WorkflowException.forbidden(definition.slug(), "acting for organization " + owner.id()
                    + ", a workflow has scope ORGANIZATION or DEPARTMENT; act for yourself to save a USER workflow");
        }
        if (!organization && definition.scope() != WorkflowScope.USER) {
            throw WorkflowException.forbidden(definition.slug(), "a " + definition.scope().wireName()
                    + " workflow belongs to an organization; act for the organization (token claim 'org') to save it");
        }
        if (organization && !actor.organizationAdmin()) {
            throw WorkflowException.forbidden(definition.slug(), "only an administrator of organization " + owner.id()
                    + " may create or change its workflows");
        }
    }
}
