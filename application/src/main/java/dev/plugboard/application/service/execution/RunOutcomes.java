package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What happens when an attempt ends, whoever ran it (this server or an external worker): the run
 * completes, is retried after a jittered exponential backoff, or fails for good; the installation
 * counts the execution; the circuit learns the outcome. Call inside a transaction.
 */
public final class RunOutcomes {

    private final RunRepository runs;
    private final InstallationRepository installations;
    private final PluginRepository plugins;
    private final CircuitRepository circuits;
    private final CircuitPolicy circuitPolicy;
    private final TimeSource clock;
    private final DoubleSupplier random;

    public RunOutcomes(RunRepository runs, InstallationRepository installations, PluginRepository plugins,
                       CircuitRepository circuits, CircuitPolicy circuitPolicy, TimeSource clock, DoubleSupplier random) {
        this.runs = runs;
        this.installations = installations;
        this.plugins = plugins;
        this.circuits = circuits;
        this.circuitPolicy = circuitPolicy;
        this.clock = clock;
        this.random = random;
    }

    /*
     * Lock order, the same on every path so that concurrent outcomes never deadlock: the circuit
     * row first, then the installation row, then the run row.
     */

    /** The attempt returned {@code output}: the run completes. */
    public PluginRun succeeded(PluginRun run, JsonDocument output) {
        Instant now = clock.now();
        Circuit circuit = circuits.lock(run.owner(), run.plugin(), now);
        installations.recordExecution(run.owner(), run.plugin(), now, Optional.empty());
        PluginRun done = runs.update(run.complete(output, now));
        circuits.save(circuit.recordSuccess(now));
        return done;
    }

    /**
     * The attempt failed: retried after a backoff while the plugin's retry policy allows it (the
     * error is retryable, its code is not listed as never retried, attempts remain), failed otherwise.
     */
    public PluginRun failed(PluginRun run, RunError error, boolean retryable) {
        Instant now = clock.now();
        RetryPolicy retry = plugins.find(run.plugin()).map(Plugin::manifest).map(m -> m.execution().retry())
                .orElse(RetryPolicy.NONE);
        boolean again = retryable && retry.isRetryable(error.code()) && run.attempt() < retry.maxAttempts();
        Circuit circuit = circuits.lock(run.owner(), run.plugin(), now);
        installations.recordExecution(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        PluginRun next = again
                ? runs.update(run.retryLater(error, now.plus(jittered(retry.backoffBefore(run.attempt() + 1)))))
                : runs.update(run.fail(error, now));
        circuits.save(circuit.recordFailure(now, circuitPolicy));
        return next;
    }

    /**
     * Asks the circuit whether a claimed run may execute; when it may not, the run fails without
     * executing, with {@code PLUGIN_CIRCUIT_OPEN} and the seconds to wait in its output.
     *
     * @return the failed run when the circuit refused, empty when the run may go ahead
     */
    public Optional<PluginRun> refusedByCircuit(PluginRun run) {
        Instant now = clock.now();
        Circuit.Admission admission = circuits.lock(run.owner(), run.plugin(), now).admit(now, circuitPolicy);
        circuits.save(admission.circuit());
        if (admission.admitted()) {
            return Optional.empty();
        }
        RunError error = circuitOpen(admission.retryAfterSeconds());
        installations.recordExecution(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        return Optional.of(runs.update(run.fail(error, retryAfter(admission.retryAfterSeconds()), now)));
    }

    /**
     * For a run being queued: while the circuit is open it is rejected at once (pending to failed,
     * never executed) with {@code PLUGIN_CIRCUIT_OPEN} and the seconds to wait in its output.
     *
     * @return the rejected run, or empty when the circuit lets it queue
     */
    public Optional<PluginRun> rejectedWhileOpen(PluginRun pending) {
        Instant now = clock.now();
        Optional<Circuit.Admission> refusal = circuits.lock(pending.owner(), pending.plugin(), now).rejectWhileOpen(now);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        circuits.save(refusal.get().circuit());
        RunError error = circuitOpen(refusal.get().retryAfterSeconds());
        installations.recordExecution(pending.owner(), pending.plugin(), now, Optional.of(error.toString()));
        return Optional.of(runs.update(pending.reject(error, retryAfter(refusal.get().retryAfterSeconds()), now)));
    }

    /** A run that cannot execute at all (plugin or installation switched off or gone): fails at once. */
    public PluginRun impossible(PluginRun run, RunError error) {
        Instant now = clock.now();
        installations.recordExecution(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        return runs.update(run.fail(error, now));
    }

    public static RunError circuitOpen(long retryAfterSeconds) {
        return new RunError("PLUGIN_CIRCUIT_OPEN",
                "the plugin failed repeatedly for this owner and is paused; retry after " + retryAfterSeconds + " s");
    }

    public static JsonDocument retryAfter(long seconds) {
        return JsonDocument.of(Map.of("retryAfterSeconds", seconds));
    }

    /** Equal jitter: between half and all of the backoff, so retries of many runs spread out. */
    private Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + (long) (random.getAsDouble() * (millis - millis / 2)));
    }
}
