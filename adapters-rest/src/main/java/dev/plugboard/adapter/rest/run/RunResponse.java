package dev.plugboard.adapter.rest.run;

import io.micronaut.core.annotation.Nullable;
import dev.plugboard.adapter.rest.JsonObject;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

import static dev.plugboard.adapter.rest.JsonValues.map;
import static dev.plugboard.adapter.rest.JsonValues.time;

/** One run of a plugin: where it is in its lifecycle, what went in and what came out. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResponse(String id, String owner, String plugin, String trigger, String status,
                          @JsonObject Map<String, Object> input, @Nullable @JsonObject Map<String, Object> output,
                          @Nullable ErrorBody error, int attempt,
                          @Nullable String idempotencyKey, String createdAt, @Nullable String startedAt,
                          @Nullable String completedAt) {

    /** Why the run failed: a stable code and a message. */
    @Serdeable
    public record ErrorBody(String code, String message) {
        static ErrorBody from(RunError error) {
            return new ErrorBody(error.code(), error.message());
        }
    }

    public static RunResponse from(PluginRun run) {
        return new RunResponse(run.id().toString(), run.owner().toString(), run.plugin().value(),
                run.trigger().wireName(), run.status().wireName(), map(run.input()), map(run.output()),
                run.error().map(ErrorBody::from).orElse(null), run.attempt(), run.idempotencyKey().orElse(null),
                time(run.createdAt()), time(run.startedAt()), time(run.completedAt()));
    }
}
