package dev.plugboard.adapter.rest.worker;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.adapter.rest.JsonValues;
import dev.plugboard.adapter.rest.run.RunResponse;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.RunId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * External workers (role {@code worker}; the token's {@code sub} names the worker) run the plugins
 * whose manifest says {@code execution: {mode: external}}: they claim runs under a lease, renew it
 * with heartbeats, and report the outcome. A worker that no longer holds the lease (it expired, the
 * run was reaped, cancelled or handed to another worker) is refused with 409 {@code lease_lost}.
 */
@BearerOperations
@Controller("/api/worker/runs")
@Secured(Roles.WORKER)
@Tag(name = "workers")
public class WorkerController {

    private final WorkerRunsUseCase workers;

    public WorkerController(WorkerRunsUseCase workers) {
        this.workers = workers;
    }

    /**
     * Claims pending runs of the given plugins, oldest first, across all owners. Each comes with
     * its input and its installation's settings, secret values included: this is the only
     * response that carries them.
     *
     * @param body the plugins, how many runs at most, and the lease
     * @return the claimed runs, processing and leased to this worker; empty when none were waiting
     */
    @Post("/claim")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    public ClaimResponse claimRuns(@Nullable @Body ClaimRequest body, Authentication authentication) {
        ClaimRequest request = Require.present("body", body);
        List<String> names = Require.present("plugins", request.plugins());
        Set<PluginName> plugins = new LinkedHashSet<>();
        names.forEach(name -> plugins.add(PluginName.of(Require.present("plugin name", name))));
        ClaimCommand command = new ClaimCommand(Callers.worker(authentication), plugins,
                Optional.ofNullable(request.max()).orElse(ClaimRequest.DEFAULT_MAX),
                Optional.ofNullable(request.leaseSeconds()).orElse(ClaimRequest.DEFAULT_LEASE_SECONDS));
        return new ClaimResponse(workers.claim(command).stream().map(ClaimedRunResponse::from).toList());
    }

    /**
     * Renews the lease on a run this worker holds.
     *
     * @param runId the run's UUID
     * @param body  the new lease length (optional)
     * @return the run, with its renewed lease
     */
    @Post("/{runId}/heartbeat")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public RunResponse heartbeat(String runId, @Nullable @Body HeartbeatRequest body, Authentication authentication) {
        int leaseSeconds = Optional.ofNullable(body).map(HeartbeatRequest::leaseSeconds)
                .orElse(ClaimRequest.DEFAULT_LEASE_SECONDS);
        return RunResponse.from(workers.heartbeat(Callers.worker(authentication), RunId.parse(runId), leaseSeconds));
    }

    /**
     * Reports success: the run completes with this output.
     *
     * @param runId the run's UUID
     * @param body  the output (optional)
     * @return the completed run
     */
    @Post("/{runId}/complete")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public RunResponse complete(String runId, @Nullable @Body CompleteRequest body, Authentication authentication) {
        return RunResponse.from(workers.complete(Callers.worker(authentication), RunId.parse(runId),
                JsonValues.document(body == null ? null : body.output())));
    }

    /**
     * Reports a failed attempt: the run is retried after a backoff while the plugin's retry policy
     * allows it and {@code retryable} is not false (it is then pending again, with
     * {@code availableAt} in the future), and fails otherwise.
     *
     * @param runId the run's UUID
     * @param body  the error code, message and whether it may be retried
     * @return the run, pending for a retry or failed
     */
    @Post("/{runId}/fail")
    @ProblemAnswers.ReadsBody
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    public RunResponse fail(String runId, @Nullable @Body FailRequest body, Authentication authentication) {
        FailRequest request = Require.present("body", body);
        return RunResponse.from(workers.fail(Callers.worker(authentication), RunId.parse(runId),
                Require.present("code", request.code()), request.message(),
                request.retryable() == null || request.retryable()));
    }
}
