package dev.plugboard.adapter.rest.run;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.JsonValues;
import dev.plugboard.adapter.rest.PageResponse;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.application.port.in.run.CancelRunUseCase;
import dev.plugboard.application.port.in.run.CancelRunUseCase.CancelRunCommand;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.run.TraceContext;
import dev.plugboard.application.service.execution.RunTrace;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/** The caller's runs: queue one, follow it, list them, cancel one; another owner's runs answer 404. */
@BearerOperations
@Controller("/api/user")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "runs")
public class RunController {

    private final StartRunUseCase starting;
    private final QueryRunsUseCase querying;
    private final CancelRunUseCase cancelling;

    public RunController(StartRunUseCase starting, QueryRunsUseCase querying, CancelRunUseCase cancelling) {
        this.starting = starting;
        this.querying = querying;
        this.cancelling = cancelling;
    }

    /**
     * Queues a manual run of an installed plugin.
     *
     * @param name the plugin's name
     * @param body the input and an optional idempotency key
     * @param traceparent the caller's W3C trace context: the run, its outbound calls and its worker join
     *                    that trace (an invalid one is ignored, as the W3C specification says)
     * @return the run, accepted and pending
     */
    @Post("/plugins/{name}/runs")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ApiResponse(responseCode = "202", description = "queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunResponse.class)))
    public HttpResponse<RunResponse> startRun(String name, @Nullable @Body StartRunRequest body,
                                           @Nullable @Header(RunTrace.HEADER) String traceparent,
                                           Authentication authentication) {
        Optional<StartRunRequest> request = Optional.ofNullable(body);
        PluginRun run = starting.start(new StartRunCommand(Callers.of(authentication), PluginName.of(name),
                JsonValues.document(request.map(StartRunRequest::input).orElse(null)), RunTrigger.MANUAL,
                request.map(StartRunRequest::idempotencyKey)).within(TraceContext.fromHeader(traceparent)));
        return HttpResponse.accepted().<RunResponse>body(RunResponse.from(run))
                .header(HttpHeaders.LOCATION, "/api/user/runs/" + run.id());
    }

    /**
     * The caller's runs, newest first.
     *
     * @param status only runs in this status (pending, processing, completed, failed, cancelled)
     * @param plugin only runs of this plugin
     * @param limit  page size, 1 to 200 (default 50)
     * @param after  the {@code next} cursor of the previous page
     * @return one page of runs
     */
    @Get("/runs")
    @ProblemAnswers.BadRequest
    public PageResponse<RunResponse> listRuns(@Nullable @QueryValue String status, @Nullable @QueryValue String plugin,
                                          @Nullable @QueryValue Integer limit, @Nullable @QueryValue String after,
                                          Authentication authentication) {
        RunFilter filter = new RunFilter(Optional.ofNullable(status).map(RunStatus::fromWire),
                Optional.ofNullable(plugin).map(PluginName::of));
        return PageResponse.from(querying.list(Callers.of(authentication).owner(), filter,
                PageResponse.request(limit, after)), RunResponse::from);
    }

    /**
     * One run, with its attempts: number, start and end, outcome, error, the instance or worker
     * that ran it, and CPU time and peak memory where measured.
     *
     * @param runId the run's UUID
     * @return the run and its attempts
     */
    @Get("/runs/{runId}")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public RunDetailsResponse getRun(String runId, Authentication authentication) {
        return RunDetailsResponse.from(querying.history(Callers.of(authentication).owner(), RunId.parse(runId)));
    }

    /**
     * Cancels a run that has not ended.
     *
     * @param runId the run's UUID
     * @return the cancelled run
     */
    @Post("/runs/{runId}/cancel")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public RunResponse cancelRun(String runId, Authentication authentication) {
        return RunResponse.from(cancelling.cancel(new CancelRunCommand(Callers.of(authentication), RunId.parse(runId))));
    }
}
