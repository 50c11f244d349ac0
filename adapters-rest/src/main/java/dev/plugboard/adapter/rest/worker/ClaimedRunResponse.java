package dev.plugboard.adapter.rest.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.plugboard.adapter.rest.JsonObject;
import dev.plugboard.adapter.rest.run.RunResponse;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.service.execution.RunTrace;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * A claimed run: the run's fields (its {@code lease} names this worker) plus the installation's
 * settings, <strong>secrets included</strong>. This is the only response of the API that carries
 * secret values, and only a {@code worker} token gets it. {@code traceparent} is the run's W3C trace
 * context (the trace of the request that started the run, else trace id = the run id's hex digits),
 * for the worker to pass on in its own calls.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A run's fields plus the installation's settings, secrets included")
public record ClaimedRunResponse(@JsonUnwrapped RunResponse run, @JsonObject Map<String, Object> settings,
                                 @Schema(description = "W3C trace context of the run, the starting request's trace, else 00-<run id hex>-<span id>-01")
                                 String traceparent) {

    static ClaimedRunResponse from(ClaimedRun claimed) {
        return new ClaimedRunResponse(RunResponse.from(claimed.run()), claimed.settings().asMap(),
                RunTrace.traceparent(claimed.run()));
    }
}
