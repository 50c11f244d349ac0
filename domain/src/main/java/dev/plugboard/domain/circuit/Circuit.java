package dev.plugboard.domain.circuit;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The circuit breaker of one owner's use of one plugin, with the counts a dashboard shows.
 * Immutable; every decision returns the circuit as it is afterwards.
 */
public final class Circuit {

    private final Owner owner;
    private final PluginName plugin;
    private final CircuitState state;
    private final int consecutiveFailures;
    private final int trialsInFlight;
    private final Instant openUntil;
    private final long successes;
    private final long failures;
    private final long rejections;
    private final Instant lastFailureAt;
    private final Instant updatedAt;

    private Circuit(Owner owner, PluginName plugin, CircuitState state, int consecutiveFailures, int trialsInFlight,
                    Instant openUntil, long successes, long failures, long rejections, Instant lastFailureAt,
                    Instant updatedAt) {
        this.owner = Require.present("owner", owner);
        this.plugin = Require.present("plugin", plugin);
        this.state = Require.present("circuit state", state);
        this.consecutiveFailures = (int) Require.notNegative("consecutive failures", consecutiveFailures);
        this.trialsInFlight = (int) Require.notNegative("trials in flight", trialsInFlight);
        this.openUntil = openUntil;
        this.successes = Require.notNegative("successes", successes);
        this.failures = Require.notNegative("failures", failures);
        this.rejections = Require.notNegative("rejections", rejections);
        this.lastFailureAt = lastFailureAt;
        this.updatedAt = Require.present("updated at", updatedAt);
    }

    /** A new circuit: closed, nothing counted. */
    public static Circuit closed(Owner owner, PluginName plugin, Instant now) {
        return new Circuit(owner, plugin, CircuitState.CLOSED, 0, 0, null, 0, 0, 0, null, now);
    }

    public static Circuit reconstitute(Owner owner, PluginName plugin, CircuitState state, int consecutiveFailures,
                                       int trialsInFlight, Instant openUntil, long successes, long failures,
                                       long rejections, Instant lastFailureAt, Instant updatedAt) {
        return new Circuit(owner, plugin, state, consecutiveFailures, trialsInFlight, openUntil, successes, failures,
                rejections, lastFailureAt, updatedAt);
    }

    /** Whether a run may execute now, and the circuit after deciding. */
    public record Admission(Circuit circuit, boolean admitted, long retryAfterSeconds) {
    }

    /** Asks to run once: closed admits; open rejects until the cooldown ends, then becomes half-open. */
    public Admission admit(Instant now, CircuitPolicy policy) {
        return switch (state) {
            case CLOSED -> new Admission(this, true, 0);
            case OPEN -> now.isBefore(openUntil)
                    ? new Admission(rejected(now), false, secondsUntil(openUntil, now))
                    : new Admission(with(CircuitState.HALF_OPEN, consecutiveFailures, 1, null, now), true, 0);
            case HALF_OPEN -> {
                // A trial that never reported (cancelled, its worker vanished) must not wedge the
                // circuit: after a cooldown without news, the trials start over.
                boolean trialsLapsed = !now.isBefore(updatedAt.plus(policy.cooldown()));
                int inFlight = trialsLapsed ? 0 : trialsInFlight;
                yield inFlight < policy.halfOpenTrials()
                        ? new Admission(with(CircuitState.HALF_OPEN, consecutiveFailures, inFlight + 1, null, now), true, 0)
                        : new Admission(rejected(now), false, secondsUntil(updatedAt.plus(policy.cooldown()), now));
            }
        };
    }

    /**
     * For a run being queued: rejected while the circuit is open and its cooldown lasts (counted
     * as a rejection); empty otherwise. Unlike {@link #admit}, it spends no half-open trial: the
     * run has not executed yet.
     */
    public Optional<Admission> rejectWhileOpen(Instant now) {
        if (state == CircuitState.OPEN && now.isBefore(openUntil)) {
            return Optional.of(new Admission(rejected(now), false, secondsUntil(openUntil, now)));
        }
        return Optional.empty();
    }

    /** A run succeeded: failures stop counting, and a half-open circuit closes. */
    public Circuit recordSuccess(Instant now) {
        return new Circuit(owner, plugin, CircuitState.CLOSED, 0, 0, null, successes + 1, failures, rejections,
                lastFailureAt, now);
    }

    /** Closed with no failure streak and no trial in flight: a success changes only its count and time. */
    public boolean isHealthy() {
        return state == CircuitState.CLOSED && consecutiveFailures == 0 && trialsInFlight == 0 && openUntil == null;
    }

    /** A run failed: a half-open circuit opens again; a closed one opens at the threshold. */
    public Circuit recordFailure(Instant now, CircuitPolicy policy) {
        int failing = consecutiveFailures + 1;
        boolean open = state == CircuitState.HALF_OPEN || state == CircuitState.OPEN || failing >= policy.failureThreshold();
        return new Circuit(owner, plugin, open ? CircuitState.OPEN : CircuitState.CLOSED, failing, 0,
                open ? now.plus(policy.cooldown()) : null, successes, failures + 1, rejections, now, now);
    }

    /** An administrator opens the circuit for a cooldown, whatever the counts say. */
    public Circuit forceOpen(Instant now, Duration duration) {
        return with(CircuitState.OPEN, consecutiveFailures, 0, now.plus(duration), now);
    }

    /** An administrator closes the circuit and clears the failure streak. */
    public Circuit forceClosed(Instant now) {
        return with(CircuitState.CLOSED, 0, 0, null, now);
    }

    /** Closed with no failure streak and untouched since {@code before}: safe to forget. */
    public boolean isIdleSince(Instant before) {
        return state == CircuitState.CLOSED && consecutiveFailures == 0 && updatedAt.isBefore(before);
    }

    private Circuit rejected(Instant now) {
        return new Circuit(owner, plugin, state, consecutiveFailures, trialsInFlight, openUntil, successes, failures,
                rejections + 1, lastFailureAt, now);
    }

    private Circuit with(CircuitState newState, int failing, int trials, Instant until, Instant now) {
        return new Circuit(owner, plugin, newState, failing, trials, until, successes, failures, rejections,
                lastFailureAt, now);
    }

    private static long secondsUntil(Instant until, Instant now) {
        return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }

    public Owner owner() {
        return owner;
    }

    public PluginName plugin() {
        return plugin;
    }

    public CircuitState state() {
        return state;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public int trialsInFlight() {
        return trialsInFlight;
    }

    public Optional<Instant> openUntil() {
        return Optional.ofNullable(openUntil);
    }

    public long successes() {
        return successes;
    }

    public long failures() {
        return failures;
    }

    public long rejections() {
        return rejections;
    }

    public Optional<Instant> lastFailureAt() {
        return Optional.ofNullable(lastFailureAt);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Circuit[" + owner + "/" + plugin + " " + state.wireName() + ", " + consecutiveFailures + " failing]";
    }
}
