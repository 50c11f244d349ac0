package dev.plugboard.application.service.execution;

import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.time.Duration;

/**
 * The operator's knobs for execution in one instance.
 *
 * @param instanceId  this instance's name on the leases it takes (unique per running instance)
 * @param concurrency how many handler threads may be alive at once here, abandoned ones included
 * @param lease       how long a claim lasts without renewal; the executor renews at a third of it
 * @param circuit     when circuits open and for how long
 * @param idleCircuit how long a closed, healthy circuit is kept after its last use
 */
public record ExecutionSettings(String instanceId, int concurrency, Duration lease, CircuitPolicy circuit,
                                Duration idleCircuit) {

    public ExecutionSettings {
        Require.nonBlank("instance id", instanceId);
        if (concurrency < 1 || concurrency > 1000) {
            throw new InvalidValueException("execution concurrency", concurrency, "must be 1 to 1000");
        }
        if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidValueException("execution lease", lease, "must be at least 1 second");
        }
        Require.present("circuit policy", circuit);
        Require.present("idle circuit time", idleCircuit);
    }

    public static ExecutionSettings defaults(String instanceId) {
        return new ExecutionSettings(instanceId, 4, Duration.ofSeconds(30), CircuitPolicy.DEFAULT, Duration.ofDays(7));
    }
}
