package dev.plugboard.adapter.rest.workflow;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.PageResponse;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.workflow.WorkflowRun;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Runs of the caller's workflows: start one by hand, try a workflow out, list a workflow's runs,
 * follow one with its step runs, cancel one. Every member of an organization may run its workflows.
 */
@BearerOperations
@Controller("/api/user")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "workflows")
public class WorkflowRunController {

    static final String RUNS = "/api/user/workflow-runs/";

    private final RunWorkflowsUseCase runs;
    private final WorkflowActors actors;

    WorkflowRunController(RunWorkflowsUseCase runs, WorkflowActors actors) {
        this.runs = runs;
        this.actors = actors;
    }

    /**
     * Queues a run of a workflow with trigger data; it runs when the engine takes it.
     *
     * @param slug the workflow's slug
     * @param body {@code {"triggerData": {...}}}, what templates read as {@code trigger.data}
     * @return the run, accepted
     */
    @Post("/workflows/{slug}/runs")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ApiResponse(responseCode = "202", description = "queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkflowRunResponse.class)))
    public HttpResponse<WorkflowRunResponse> startWorkflowRun(String slug, @Nullable @Body TriggerDataRequest body,
                                                              Authentication authentication) {
        WorkflowRun run = runs.run(actors.of(authentication), slug, TriggerDataRequest.of(body));
        return HttpResponse.accepted().<WorkflowRunResponse>body(WorkflowRunResponse.from(run))
                .header(HttpHeaders.LOCATION, RUNS + run.id());
    }

    /**
     * A workflow's runs, newest first.
     *
     * @param slug  the workflow's slug
     * @param limit page size, 1 to 200 (default 50)
     * @param after the {@code next} cursor of the previous page
     * @return one page of runs, each with its step runs
     */
    @Get("/workflows/{slug}/runs")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public PageResponse<WorkflowRunResponse> listWorkflowRuns(String slug, @Nullable @QueryValue Integer limit,
                                                              @Nullable @QueryValue String after,
                                                              Authentication authentication) {
        return PageResponse.from(runs.runs(actors.of(authentication), slug, PageResponse.request(limit, after)),
                WorkflowRunResponse::from);
    }

    /**
     * Test mode: resolves every step's condition and input with sample trigger data (earlier steps'
     * outputs are samples from their plugins' output schemas) without running any plugin. With
     * {@code execute=true}, it queues a real run as well, marked as a test run.
     *
     * @param slug    the workflow's slug
     * @param execute also run it for real (default false)
     * @param body    {@code {"triggerData": {...}}}
     * @return each step's preview, and the run with {@code execute=true}
     */
    @Post("/workflows/{slug}/test")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    public TestReportResponse testWorkflow(String slug,
                                           @Nullable @QueryValue @Schema(allowableValues = {"true", "false"}) String execute,
                                           @Nullable @Body TriggerDataRequest body, Authentication authentication) {
        return TestReportResponse.from(runs.test(actors.of(authentication), slug, TriggerDataRequest.of(body),
                flag(execute)));
    }

    /** Only {@code true} or {@code false}: a lenient reading of {@code execute=yes} as false would hide a typo. */
    private static boolean flag(String execute) {
        if (execute == null || execute.equalsIgnoreCase("false")) {
            return false;
        }
        if (execute.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidValueException("execute", execute, "must be true or false");
    }

    /**
     * One workflow run with its step runs.
     *
     * @param id the workflow run's id
     * @return the run
     */
    @Get("/workflow-runs/{id}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public WorkflowRunResponse getWorkflowRun(String id, Authentication authentication) {
        return WorkflowRunResponse.from(runs.getRun(actors.of(authentication), id));
    }

    /**
     * Cancels a workflow run that has not ended, with its pending and running step runs and their plugin runs.
     *
     * @param id the workflow run's id
     * @return the cancelled run
     */
    @Post("/workflow-runs/{id}/cancel")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public WorkflowRunResponse cancelWorkflowRun(String id, Authentication authentication) {
        return WorkflowRunResponse.from(runs.cancel(actors.of(authentication), id));
    }
}
