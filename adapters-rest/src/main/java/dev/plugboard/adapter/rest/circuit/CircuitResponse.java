package dev.plugboard.adapter.rest.circuit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.circuit.Circuit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * The circuit breaker of one owner's use of one plugin.
 *
 * @param state               {@code closed} (runs go through), {@code open} (runs fail at once with
 *                            {@code PLUGIN_CIRCUIT_OPEN} until {@code openUntil}) or {@code half-open}
 *                            (a few trial runs go through; one success closes it, one failure opens it again)
 * @param consecutiveFailures the current failure streak
 * @param trialsInFlight      half-open trial runs under way
 * @param openUntil           when an open circuit lets trial runs through again
 * @param successes           runs that succeeded, ever
 * @param failures            runs that failed, ever
 * @param rejections          runs refused because the circuit was open
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CircuitResponse(String owner, String plugin, String state, int consecutiveFailures, int trialsInFlight,
                              @Nullable String openUntil, long successes, long failures, long rejections,
                              @Nullable String lastFailureAt, String updatedAt) {

    public static CircuitResponse from(Circuit circuit) {
        return new CircuitResponse(circuit.owner().toString(), circuit.plugin().value(), circuit.state().wireName(),
                circuit.consecutiveFailures(), circuit.trialsInFlight(), time(circuit.openUntil()), circuit.successes(),
                circuit.failures(), circuit.rejections(), time(circuit.lastFailureAt()), time(circuit.updatedAt()));
    }
}
