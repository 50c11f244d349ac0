package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.ETags;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Moves a workflow through its life: draft and paused workflows may be activated, active ones
 * paused, any one archived (for good). A move the lifecycle does not allow is 409.
 */
@BearerOperations
@Controller(WorkflowController.PATH + "/{slug}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "workflows")
public class WorkflowStatusController {

    private final ManageWorkflowsUseCase workflows;
    private final WorkflowActors actors;

    WorkflowStatusController(ManageWorkflowsUseCase workflows, WorkflowActors actors) {
        this.workflows = workflows;
        this.actors = actors;
    }

    /**
     * Activates a workflow: its trigger starts it from now on (while it is switched on).
     *
     * @param slug    the workflow's slug
     * @param ifMatch the {@code ETag} the caller last saw (optional)
     * @return the workflow, with its new {@code ETag}
     */
    @Post("/activate")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.PreconditionFailed
    public HttpResponse<WorkflowResponse> activateWorkflow(String slug, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                           Authentication authentication) {
        return move(slug, WorkflowStatus.ACTIVE, ifMatch, authentication);
    }

    /**
     * Pauses an active workflow: its trigger no longer starts it; runs under way go on.
     *
     * @param slug    the workflow's slug
     * @param ifMatch the {@code ETag} the caller last saw (optional)
     * @return the workflow, with its new {@code ETag}
     */
    @Post("/pause")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.PreconditionFailed
    public HttpResponse<WorkflowResponse> pauseWorkflow(String slug, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                        Authentication authentication) {
        return move(slug, WorkflowStatus.PAUSED, ifMatch, authentication);
    }

    /**
     * Archives a workflow: it never runs again and can't be changed; its runs stay readable.
     *
     * @param slug    the workflow's slug
     * @param ifMatch the {@code ETag} the caller last saw (optional)
     * @return the workflow, with its new {@code ETag}
     */
    @Post("/archive")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.PreconditionFailed
    public HttpResponse<WorkflowResponse> archiveWorkflow(String slug, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                          Authentication authentication) {
        return move(slug, WorkflowStatus.ARCHIVED, ifMatch, authentication);
    }

    private HttpResponse<WorkflowResponse> move(String slug, WorkflowStatus target, String ifMatch,
                                                Authentication authentication) {
        Workflow workflow = workflows.changeStatus(actors.of(authentication), slug, target,
                ETags.expectedVersion(ifMatch));
        return HttpResponse.ok(WorkflowResponse.from(workflow)).header(HttpHeaders.ETAG, ETags.of(workflow.version()));
    }
}
