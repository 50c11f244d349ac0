package dev.plugboard.application.port.in.workflow;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.Require;

import java.util.Optional;

/**
 * A caller as workflows see them: the owner they act for, whether they administer that
 * organization (only administrators manage an organization's workflows; every member may see and
 * run them), and their department (which decides whether they see a {@code DEPARTMENT} workflow).
 */
public record WorkflowActor(Caller caller, boolean organizationAdmin, Optional<String> department) {

    public WorkflowActor {
        Require.present("caller", caller);
        department = department == null ? Optional.empty() : department.filter(d -> !d.isBlank());
    }

    /** A caller with no organization role and no department: a user managing their own workflows. */
    public static WorkflowActor of(Caller caller) {
        return new WorkflowActor(caller, false, Optional.empty());
    }
}
