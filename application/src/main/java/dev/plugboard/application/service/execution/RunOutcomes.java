package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.Telemetry.AttemptOutcome;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitPolicy;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records what happens when an attempt ends or a run is refused, whoever ran it (this server or
 * an external worker): the run moves, the installation counts the attempt and, when the run
 * reached its final state, the run; the circuit learns the outcome. Call inside a transaction.
 */
public final class RunOutcomes {

    private final RunRepository runs;
    private final InstallationRepository installations;
    private final CircuitRepository circuits;
    private final CircuitPolicy circuitPolicy;
    private final TimeSource clock;
    private final RetryScheduler retries;
    private final Telemetry telemetry;

    public RunOutcomes(RunRepository runs, InstallationRepository installations, CircuitRepository circuits,
                       CircuitPolicy circuitPolicy, TimeSource clock, RetryScheduler retries) {
        this(runs, installations, circuits, circuitPolicy, clock, retries, Telemetry.NONE);
    }

    public RunOutcomes(RunRepository runs, InstallationRepository installations, CircuitRepository circuits,
                       CircuitPolicy circuitPolicy, TimeSource clock, RetryScheduler retries, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.runs = runs;
        this.installations = installations;
        this.circuits = circuits;
        this.circuitPolicy = circuitPolicy;
        this.clock = clock;
        this.retries = retries;
    }

    /** Where outcomes are reported. */
    Telemetry telemetry() {
        return telemetry;
    }

    /*
     * Lock order, the same on every path so that concurrent outcomes never deadlock: the circuit
     * row first, then the installation row, then the run row.
     */

    /** The attempt returned {@code output}: the run completes. */
    public PluginRun succeeded(PluginRun run, JsonDocument output) {
        return succeeded(run, output, telemetry);
    }

    /** As {@link #succeeded(PluginRun, JsonDocument)}, reporting to {@code telemetry} (see {@link DeferredTelemetry}). */
    PluginRun succeeded(PluginRun run, JsonDocument output, Telemetry telemetry) {
        return succeeded(List.of(new Success(run, output, telemetry))).get(0);
    }

    /** An attempt that returned {@code output}, and where its outcome is reported. */
    public record Success(PluginRun run, JsonDocument output, Telemetry reports) {
    }

    /**
     * Successes of runs of one owner and plugin, in the order they ended: the runs complete, and the
     * circuit and the installation count them with one write each, leaving the counters and the
     * state as many single successes would.
     */
    public List<PluginRun> succeeded(List<Success> successes) {
        Owner owner = successes.get(0).run().owner();
        PluginName plugin = successes.get(0).run().plugin();
        if (successes.stream().anyMatch(success -> !success.run().owner().equals(owner) || !success.run().plugin().equals(plugin))) {
            throw new IllegalArgumentException("successes of one owner and plugin only, not " + successes);
        }
        Instant now = clock.now();
        int count = successes.size();
        // A healthy circuit takes them in one write (which locks its row first, as lock does). Any
        // other is closed by the first success; the others then count on a healthy circuit.
        if (!circuits.recordSuccessesIfHealthy(owner, plugin, count, now)) {
            Circuit circuit = circuits.lock(owner, plugin, now);
            for (int i = 0; i < count; i++) {
                circuit = circuit.recordSuccess(now);
            }
            circuits.save(circuit);
        }
        installations.recordSucceededRuns(owner, plugin, count, now);
        List<PluginRun> done = runs.updateAll(successes.stream().map(success -> success.run().complete(success.output(), now)).toList());
        for (int i = 0; i < count; i++) {
            successes.get(i).reports().attemptEnded(plugin, AttemptOutcome.SUCCEEDED);
            successes.get(i).reports().runFinished(done.get(i));
        }
        return done;
    }

    /** The attempt failed: retried after a backoff when {@link RetryScheduler} says so, failed for good otherwise. */
    public PluginRun failed(PluginRun run, RunError error, boolean retryable) {
        return failed(run, error, retryable, telemetry);
    }

    /** As {@link #failed(PluginRun, RunError, boolean)}, reporting to {@code telemetry} (see {@link DeferredTelemetry}). */
    PluginRun failed(PluginRun run, RunError error, boolean retryable, Telemetry telemetry) {
        Instant now = clock.now();
        Optional<Instant> next = retries.nextAttempt(run, error, retryable, now);
        Circuit circuit = circuits.lock(run.owner(), run.plugin(), now);
        if (next.isPresent()) {
            installations.recordAttempt(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        } else {
            installations.recordFinalAttempt(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        }
        PluginRun moved = runs.update(next.map(when -> run.retryLater(error, when)).orElseGet(() -> run.fail(error, now)));
        circuits.save(circuit.recordFailure(now, circuitPolicy));
        telemetry.attemptEnded(moved.plugin(), next.isPresent() ? AttemptOutcome.RETRYING : AttemptOutcome.FAILED);
        if (next.isEmpty()) {
            telemetry.runFinished(moved);
        }
        return moved;
    }

    /**
     * Whether the circuit is closed (or there is none yet), read without a lock: then it admits and
     * stays as it is, so admission needs neither a lock nor a write. It may have opened a moment ago;
     * that run is admitted as it would have been a moment earlier, and its outcome still counts.
     */
    boolean circuitClosed(Owner owner, PluginName plugin) {
        return circuits.peek(owner, plugin).map(circuit -> circuit.state() == CircuitState.CLOSED).orElse(true);
    }

    /**
     * Asks a circuit that is not {@link #circuitClosed closed} whether a claimed run may execute; when
     * it may not, the run fails without executing, with {@code PLUGIN_CIRCUIT_OPEN} and the seconds to
     * wait in its output.
     *
     * @return the failed run when the circuit refused, empty when the run may go ahead
     */
    Optional<PluginRun> refusedByCircuit(PluginRun run) {
        Instant now = clock.now();
        Circuit locked = circuits.lock(run.owner(), run.plugin(), now);
        Circuit.Admission admission = locked.admit(now, circuitPolicy);
        if (admission.circuit() != locked) {
            circuits.save(admission.circuit());
        }
        if (admission.admitted()) {
            return Optional.empty();
        }
        RunError error = circuitOpen(admission.retryAfterSeconds());
        installations.recordFinalAttempt(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        PluginRun refused = runs.update(run.fail(error, retryAfter(admission.retryAfterSeconds()), now));
        telemetry.attemptEnded(refused.plugin(), AttemptOutcome.REFUSED);
        telemetry.runFinished(refused);
        return Optional.of(refused);
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
        return Optional.of(finished(runs.update(pending.reject(error, retryAfter(refusal.get().retryAfterSeconds()), now))));
    }

    /** A pending run that nothing can or did execute (no handler, not claimed in time): rejected, never attempted. */
    public PluginRun rejected(PluginRun pending, RunError error) {
        Instant now = clock.now();
        installations.recordExecution(pending.owner(), pending.plugin(), now, Optional.of(error.toString()));
        return finished(runs.update(pending.reject(error, now)));
    }

    /** A claimed run that cannot execute at all (plugin or installation switched off or gone): fails at once. */
    public PluginRun impossible(PluginRun run, RunError error) {
        Instant now = clock.now();
        installations.recordFinalAttempt(run.owner(), run.plugin(), now, Optional.of(error.toString()));
        PluginRun failed = runs.update(run.fail(error, now));
        telemetry.attemptEnded(failed.plugin(), AttemptOutcome.REFUSED);
        return finished(failed);
    }

    private PluginRun finished(PluginRun run) {
        telemetry.runFinished(run);
        return run;
    }

    public static RunError circuitOpen(long retryAfterSeconds) {
        return new RunError("PLUGIN_CIRCUIT_OPEN",
                "the plugin failed repeatedly for this owner and is paused; retry after " + retryAfterSeconds + " s");
    }

    public static JsonDocument retryAfter(long seconds) {
        return JsonDocument.of(Map.of("retryAfterSeconds", seconds));
    }
}
