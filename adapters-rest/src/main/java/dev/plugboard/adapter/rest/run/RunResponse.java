package dev.plugboard.adapter.rest.run;

import io.micronaut.core.annotation.Nullable;
import dev.plugboard.adapter.rest.JsonObject;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.map;
import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * One run of a plugin: where it is in its lifecycle, what went in and what came out. A run refused
 * by an open circuit breaker is failed with {@code PLUGIN_CIRCUIT_OPEN} and its {@code output}
 * says when to try again: {@code {"retryAfterSeconds": 42}}.
 *
 * @param availableAt the earliest time the run may be taken: its creation, or the end of a retry's backoff
 * @param lease       who holds the run while it is processing, and until when; {@code null} otherwise
 * @param environment the environment whose settings overrides the run uses (that of the server or CLI that
 *                    started it); {@code default} for the base settings alone
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResponse(String id, String owner, String plugin, String trigger, String status,
                          @JsonObject Map<String, Object> input, @Nullable @JsonObject Map<String, Object> output,
                          @Nullable ErrorBody error, int attempt,
                          @Nullable String idempotencyKey, String createdAt, @Nullable String startedAt,
                          @Nullable String completedAt, String availableAt, @Nullable LeaseBody lease,
                          String environment) {

    /** Why the run failed: a stable code and a message. */
    @Serdeable
    public record ErrorBody(String code, String message) {
        static ErrorBody from(RunError error) {
            return new ErrorBody(error.code(), error.message());
        }
    }

    /**
     * The claim of the server instance or external worker executing the run.
     *
     * @param holder    the server instance, or {@code worker:SUB} (the worker token's {@code sub}) for an external worker
     * @param expiresAt when the run goes back to the queue unless the holder renews the lease
     */
    @Serdeable
    @Schema(name = "Lease")
    public record LeaseBody(String holder, String expiresAt) {
        public static LeaseBody from(Lease lease) {
            return new LeaseBody(lease.holder(), time(lease.expiresAt()));
        }
    }

    public static RunResponse from(PluginRun run) {
        return new RunResponse(run.id().toString(), run.owner().toString(), run.plugin().value(),
                run.trigger().wireName(), run.status().wireName(), map(run.input()), map(run.output()),
                run.error().map(ErrorBody::from).orElse(null), run.attempt(), run.idempotencyKey().orElse(null),
                time(run.createdAt()), time(run.startedAt()), time(run.completedAt()), time(run.availableAt()),
                run.lease().map(LeaseBody::from).orElse(null), run.environment().name());
    }
}
