package dev.plugboard.adapter.rest.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.plugboard.application.port.in.run.QueryRunsUseCase.RunHistory;
import dev.plugboard.domain.run.RunAttempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * One run with its attempts, first to last: what {@code GET /api/user/runs/{id}} answers.
 *
 * @param attempts every attempt so far; empty for a run that never ran (still pending, or rejected)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunDetailsResponse(@JsonUnwrapped RunResponse run, List<AttemptBody> attempts) {

    /**
     * One attempt of the run.
     *
     * @param number          1 for the first attempt
     * @param outcome         processing (still running), completed, failed (also when a retry followed) or cancelled
     * @param executor        the server instance ({@code host:pid}) or {@code worker:SUB} that ran it
     * @param cpuTimeMillis   CPU time of the work, when the executor measured it (process-mode hosts); null otherwise
     * @param peakMemoryBytes peak memory of the work, when measured; null otherwise
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RunAttempt")
    public record AttemptBody(int number, String outcome, String startedAt, @Nullable String endedAt,
                              @Nullable RunResponse.ErrorBody error, @Nullable String executor,
                              @Nullable Long cpuTimeMillis, @Nullable Long peakMemoryBytes) {
        static AttemptBody from(RunAttempt attempt) {
            return new AttemptBody(attempt.number(), attempt.outcome(), time(attempt.startedAt()), time(attempt.ended()),
                    attempt.failure().map(RunResponse.ErrorBody::from).orElse(null), attempt.executedBy().orElse(null),
                    attempt.cpuTimeMillis(), attempt.peakMemoryBytes());
        }
    }

    public static RunDetailsResponse from(RunHistory history) {
        return new RunDetailsResponse(RunResponse.from(history.run()),
                history.attempts().stream().map(AttemptBody::from).toList());
    }
}
