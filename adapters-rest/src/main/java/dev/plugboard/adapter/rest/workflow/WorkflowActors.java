package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Turns a verified token into the {@link WorkflowActor} the workflow use cases expect, reading the
 * department from the claim named by {@code plugboard.workflows.department-claim}.
 */
@Singleton
final class WorkflowActors {

    private final String departmentClaim;

    WorkflowActors(@Value("${" + WorkflowRestSettings.DEPARTMENT_CLAIM + ":"
            + WorkflowRestSettings.DEFAULT_DEPARTMENT_CLAIM + "}") String departmentClaim) {
        this.departmentClaim = departmentClaim;
    }

    WorkflowActor of(Authentication authentication) {
        return Callers.workflowActor(authentication, departmentClaim);
    }
}
