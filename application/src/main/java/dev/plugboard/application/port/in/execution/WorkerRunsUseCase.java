package dev.plugboard.application.port.in.execution;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.List;
import java.util.Set;

/**
 * External workers (role {@code worker}) run plugins whose manifest says {@code execution: external}:
 * they claim runs under a lease, renew it while they work, and report the outcome. A worker that
 * lost its lease is refused ({@link dev.plugboard.domain.run.LeaseLostException}).
 */
public interface WorkerRunsUseCase {

    int MAX_CLAIM = 100;
    int MIN_LEASE_SECONDS = 5;
    int MAX_LEASE_SECONDS = 3600;

    /** Claim up to {@code max} runs of {@code plugins} for {@code leaseSeconds}. */
    record ClaimCommand(String worker, Set<PluginName> plugins, int max, int leaseSeconds) {
        public ClaimCommand {
            Require.nonBlank("worker", worker);
            plugins = Set.copyOf(Require.present("plugins", plugins));
            if (plugins.isEmpty()) {
                throw new InvalidValueException("plugins", "[]", "name at least one plugin to claim runs of");
            }
            if (max < 1 || max > MAX_CLAIM) {
                throw new InvalidValueException("max", max, "must be 1 to " + MAX_CLAIM);
            }
            if (leaseSeconds < MIN_LEASE_SECONDS || leaseSeconds > MAX_LEASE_SECONDS) {
                throw new InvalidValueException("leaseSeconds", leaseSeconds, "must be " + MIN_LEASE_SECONDS + " to " + MAX_LEASE_SECONDS);
            }
        }
    }

    /** A claimed run with what the worker needs to execute it: the installation's settings, secrets included. */
    record ClaimedRun(PluginRun run, JsonDocument settings) {
    }

    List<ClaimedRun> claim(ClaimCommand command);

    PluginRun heartbeat(String worker, RunId run, int leaseSeconds);

    PluginRun complete(String worker, RunId run, JsonDocument output);

    /** {@code retryable} false ends the run whatever attempts remain. */
    PluginRun fail(String worker, RunId run, String code, String message, boolean retryable);
}
