package dev.plugboard.adapter.rest.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.health.PluginHealth;
import io.micronaut.serde.annotation.Serdeable;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * A plugin's last health verdict.
 *
 * @param score           0 (failing) to 100 (fine)
 * @param state           {@code healthy}, {@code degraded}, {@code unhealthy} or {@code unknown} (too little to judge)
 * @param reason          what the score came from
 * @param lastHealthCheck when the health job last judged it
 * @param lastStateChange when the state last changed
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PluginHealthResponse(String plugin, int score, String state, String reason, String lastHealthCheck,
                                   String lastStateChange) {

    public static PluginHealthResponse from(PluginHealth health) {
        return new PluginHealthResponse(health.plugin().value(), health.score(), health.state().wireName(),
                health.reason(), time(health.lastCheck()), time(health.lastStateChange()));
    }
}
