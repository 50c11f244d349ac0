package dev.plugboard.adapter.rest.circuit;

import dev.plugboard.adapter.rest.problem.BearerOperations;
import dev.plugboard.adapter.rest.problem.ProblemAnswers;
import dev.plugboard.domain.time.Durations;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.adapter.rest.security.Roles;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;

/**
 * Administrators force an owner's circuit breaker open (to pause a misbehaving plugin for that
 * owner) or closed (to let it run again at once). Both are recorded in the audit trail as
 * {@code circuit_forced}.
 */
@BearerOperations
@Controller("/api/admin/circuits")
@Secured(Roles.ADMIN)
@Tag(name = "admin")
public class AdminCircuitController {

    /** How long a circuit forced open without a {@code duration} stays open. */
    static final Duration DEFAULT_OPEN = Duration.ofMinutes(5);

    private final CircuitsUseCase circuits;

    public AdminCircuitController(CircuitsUseCase circuits) {
        this.circuits = circuits;
    }

    /**
     * Opens the circuit: the owner's runs of the plugin fail at once with {@code PLUGIN_CIRCUIT_OPEN}
     * until it half-opens.
     *
     * @param owner    the owner, written {@code user:alice} or {@code org:acme}
     * @param plugin   the plugin's name
     * @param duration how long, such as {@code 5m}, {@code 1h30m} or ISO-8601 {@code PT5M}, at most 30 days (default 5 minutes)
     * @return the circuit
     */
    @Post("/{owner}/{plugin}/open")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    public CircuitResponse openCircuit(String owner, String plugin, @Nullable @QueryValue String duration,
                                       Authentication authentication) {
        return CircuitResponse.from(circuits.force(Callers.of(authentication).actor(), Owner.parse(owner),
                PluginName.of(plugin), true, duration == null ? DEFAULT_OPEN : duration(duration)));
    }

    /**
     * Closes the circuit and clears its failure streak: the owner's runs of the plugin go through again.
     *
     * @param owner  the owner, written {@code user:alice} or {@code org:acme}
     * @param plugin the plugin's name
     * @return the circuit
     */
    @Post("/{owner}/{plugin}/close")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    public CircuitResponse closeCircuit(String owner, String plugin, Authentication authentication) {
        return CircuitResponse.from(circuits.force(Callers.of(authentication).actor(), Owner.parse(owner),
                PluginName.of(plugin), false, Duration.ZERO));
    }

    private static Duration duration(String text) {
        return Durations.parse("duration", text);
    }
}
