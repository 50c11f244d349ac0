package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.monitoring.HealthSignalSource;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.circuit.CircuitState;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Health signals read from the in-memory runs and circuits, for embedding. */
public final class InMemoryHealthSignals implements HealthSignalSource {

    static final String CIRCUIT_OPEN = "PLUGIN_CIRCUIT_OPEN";

    private final InMemoryRunRepository runs;
    private final InMemoryCircuitRepository circuits;

    public InMemoryHealthSignals(InMemoryRunRepository runs, InMemoryCircuitRepository circuits) {
        this.runs = runs;
        this.circuits = circuits;
    }

    @Override
    public RunSample runs(PluginName plugin, Optional<Owner> owner, Instant since, int sample) {
        List<PluginRun> finished = runs.all().stream()
                .filter(run -> run.plugin().equals(plugin) && owner.map(run.owner()::equals).orElse(true))
                .filter(run -> run.status() == RunStatus.COMPLETED || run.status() == RunStatus.FAILED)
                .filter(run -> run.error().filter(e -> CIRCUIT_OPEN.equals(e.code())).isEmpty())
                .filter(run -> run.completedAt().filter(at -> !at.isBefore(since)).isPresent())
                .sorted(Comparator.comparing((PluginRun run) -> run.completedAt().orElseThrow()).reversed())
                .limit(sample).toList();
        if (finished.isEmpty()) {
            return RunSample.NONE;
        }
        int succeeded = (int) finished.stream().filter(run -> run.status() == RunStatus.COMPLETED).count();
        List<Duration> durations = finished.stream().filter(run -> run.startedAt().isPresent())
                .map(run -> Duration.between(run.startedAt().get(), run.completedAt().orElseThrow()))
                .sorted().toList();
        if (durations.isEmpty()) {
            return new RunSample(finished.size(), succeeded, Optional.empty(), Optional.empty());
        }
        int rank = (int) Math.ceil(0.95 * durations.size()) - 1;
        Duration total = durations.stream().reduce(Duration.ZERO, Duration::plus);
        return new RunSample(finished.size(), succeeded, Optional.of(durations.get(Math.max(rank, 0))),
                Optional.of(total.dividedBy(durations.size())));
    }

    @Override
    public long pendingRuns(PluginName plugin) {
        return runs.all().stream().filter(run -> run.plugin().equals(plugin) && run.status() == RunStatus.PENDING).count();
    }

    @Override
    public Optional<Instant> oldestPending(PluginName plugin) {
        return runs.all().stream().filter(run -> run.plugin().equals(plugin) && run.status() == RunStatus.PENDING)
                .map(PluginRun::availableAt).min(Comparator.naturalOrder());
    }

    @Override
    public Optional<Instant> lastWorkerActivity(PluginName plugin, Instant now) {
        return runs.all().stream().filter(run -> run.plugin().equals(plugin))
                .flatMap(run -> run.lease().isPresent() && !run.isLeaseExpiredAt(now) ? java.util.stream.Stream.of(now)
                        : run.startedAt().stream())
                .max(Comparator.naturalOrder());
    }

    @Override
    public List<Circuit> openCircuits(Instant now) {
        return circuits.all().stream().filter(c -> c.state() == CircuitState.OPEN)
                .filter(c -> c.openUntil().filter(now::isBefore).isPresent()).toList();
    }
}
