package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.ETags;
import dev.plugboard.adapter.rest.PageResponse;
import dev.plugboard.domain.workflow.DocumentProblems;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.Saved;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.WorkflowDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The caller's workflows: the user's own, or their organization's under an {@code org} claim, as
 * the JSON form with the seed's field names. Another owner's workflow, and a department workflow of
 * another department, answer 404 like one that does not exist; a member who is no organization
 * admin may read an organization's workflows but not change them (403).
 */
@BearerOperations
@Controller(WorkflowController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "workflows")
public class WorkflowController {

    static final String PATH = "/api/user/workflows";

    private final ManageWorkflowsUseCase workflows;
    private final WorkflowActors actors;
    private final HttpHostResolver hosts;

    WorkflowController(ManageWorkflowsUseCase workflows, WorkflowActors actors, HttpHostResolver hosts) {
        this.workflows = workflows;
        this.actors = actors;
        this.hosts = hosts;
    }

    /**
     * The caller's workflows, by slug.
     *
     * @param limit page size, 1 to 200 (default 50)
     * @param after the {@code next} cursor of the previous page
     * @return one page of workflows
     */
    @Get
    @ProblemAnswers.BadRequest
    public PageResponse<WorkflowResponse> listWorkflows(@Nullable @QueryValue Integer limit,
                                                        @Nullable @QueryValue String after,
                                                        Authentication authentication) {
        return PageResponse.from(workflows.list(actors.of(authentication), PageResponse.request(limit, after)),
                WorkflowResponse::from);
    }

    /**
     * Creates a workflow from its JSON form. Every problem the save-time checks find (a plugin that
     * is not installed, a bad cron, a template that does not compile, a mapping that can't satisfy
     * the step's input schema) is answered at once: 422 with {@code problems}.
     *
     * @param body the workflow: name, slug, description, scope, triggerType, triggerConfig, status, isEnabled, steps
     * @return the workflow with its {@code ETag}, and for a webhook trigger its signing secret, shown this once
     */
    @Post
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SavedWorkflowResponse.class)))
    public HttpResponse<SavedWorkflowResponse> createWorkflow(
            @Body @Schema(implementation = WorkflowRequest.class) Map<String, Object> body,
            Authentication authentication) {
        Saved saved = DocumentProblems.reading(body, () -> workflows.create(actors.of(authentication), body));
        return saved(HttpStatus.CREATED, saved)
                .header(HttpHeaders.LOCATION, PATH + "/" + saved.workflow().slug());
    }

    /**
     * One workflow, with the next fire times of a schedule and the URL of a webhook; its {@code ETag}
     * is the version to send in {@code If-Match}.
     *
     * @param slug the workflow's slug
     * @return the workflow and what its trigger does next
     */
    @Get("/{slug}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public HttpResponse<WorkflowDetailsResponse> getWorkflow(String slug, HttpRequest<?> request,
                                                             Authentication authentication) {
        WorkflowDetails details = workflows.get(actors.of(authentication), slug);
        return HttpResponse.ok(WorkflowDetailsResponse.from(details, hosts.resolve(request)))
                .header(HttpHeaders.ETAG, ETags.of(details.workflow().version()));
    }

    /**
     * Replaces a workflow's definition (and its status or switch, when the document names them); the
     * version goes up. With {@code If-Match}, a version that is no longer current answers 412. A
     * trigger secret sent back as {@code (set)} is kept.
     *
     * @param slug    the workflow's slug
     * @param body    the whole workflow, as for creating it
     * @param ifMatch the {@code ETag} the caller last saw
     * @return the workflow with its new {@code ETag}, and a webhook secret if this change generated one
     */
    @Put("/{slug}")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.PreconditionFailed
    @ProblemAnswers.Unprocessable
    public HttpResponse<SavedWorkflowResponse> updateWorkflow(
            String slug, @Body @Schema(implementation = WorkflowRequest.class) Map<String, Object> body,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication authentication) {
        OptionalLong expected = ETags.expectedVersion(ifMatch);
        return saved(HttpStatus.OK, DocumentProblems.reading(body,
                () -> workflows.update(actors.of(authentication), slug, body, expected)));
    }

    /**
     * Deletes a workflow; with {@code If-Match}, only the version named.
     *
     * @param slug    the workflow's slug
     * @param ifMatch the {@code ETag} the caller last saw (optional)
     */
    @Delete("/{slug}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.PreconditionFailed
    @ApiResponse(responseCode = "204", description = "deleted")
    public HttpResponse<Void> deleteWorkflow(String slug, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                             Authentication authentication) {
        workflows.delete(actors.of(authentication), slug, ETags.expectedVersion(ifMatch));
        return HttpResponse.noContent();
    }

    private static MutableHttpResponse<SavedWorkflowResponse> saved(HttpStatus status, Saved saved) {
        return HttpResponse.<SavedWorkflowResponse>status(status)
                .body(SavedWorkflowResponse.from(saved))
                .header(HttpHeaders.ETAG, ETags.of(saved.workflow().version()));
    }
}
