package dev.plugboard.application.port.out.monitoring;

import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads what the health job judges from the run ledger, the attempts and the circuits. */
public interface HealthSignalSource {

    /**
     * The most recent finished runs (at most {@code sample}, none before {@code since}; circuit
     * rejections and cancellations left out) of a plugin, of every owner or of one.
     *
     * @param owner empty for every owner
     */
    RunSample runs(PluginName plugin, Optional<Owner> owner, Instant since, int sample);

    /** Runs of the plugin waiting to be claimed. */
    long pendingRuns(PluginName plugin);

    /** When the longest-waiting pending run of the plugin became claimable, if any waits. */
    Optional<Instant> oldestPending(PluginName plugin);

    /** The last time a worker claimed a run of the plugin or held a live lease on one (a heartbeat renews it). */
    Optional<Instant> lastWorkerActivity(PluginName plugin, Instant now);

    /** Circuits open at {@code now} (their cooldown not over), of every owner and plugin. */
    List<Circuit> openCircuits(Instant now);

    /** Finished runs counted and their durations. */
    record RunSample(int finished, int succeeded, Optional<Duration> p95, Optional<Duration> average) {
        public static final RunSample NONE = new RunSample(0, 0, Optional.empty(), Optional.empty());
    }

    /** Observes nothing: every plugin stays unknown. */
    static HealthSignalSource none() {
        return new HealthSignalSource() {
            @Override
            public RunSample runs(PluginName plugin, Optional<Owner> owner, Instant since, int sample) {
                return RunSample.NONE;
            }

            @Override
            public long pendingRuns(PluginName plugin) {
                return 0;
            }

            @Override
            public Optional<Instant> oldestPending(PluginName plugin) {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> lastWorkerActivity(PluginName plugin, Instant now) {
                return Optional.empty();
            }

            @Override
            public List<Circuit> openCircuits(Instant now) {
                return List.of();
            }
        };
    }
}
