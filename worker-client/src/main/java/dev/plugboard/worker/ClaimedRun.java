package dev.plugboard.worker;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * A run this worker holds: its input, the installation's settings (secrets included: keep them out of
 * logs) and its W3C {@code traceparent}, which the worker sends on its own calls about the run.
 */
public record ClaimedRun(String id, String plugin, String owner, int attempt, JsonNode input, JsonNode settings,
                         String traceparent, Instant leaseExpiresAt) {

    public ClaimedRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plugin, "plugin");
    }

    /** A run of a claim response ({@code {"runs": [...]}}). */
    static ClaimedRun from(JsonNode run) {
        JsonNode expires = run.path("lease").path("expiresAt");
        return new ClaimedRun(run.path("id").asText(), run.path("plugin").asText(), run.path("owner").asText(),
                run.path("attempt").asInt(), run.path("input"), run.path("settings"),
                run.path("traceparent").isTextual() ? run.path("traceparent").asText() : null,
                expires.isTextual() ? Instant.parse(expires.asText()) : null);
    }

    /** Never the settings: they hold secrets. */
    @Override
    public String toString() {
        return "ClaimedRun[id=" + id + ", plugin=" + plugin + ", owner=" + owner + ", attempt=" + attempt + "]";
    }
}
