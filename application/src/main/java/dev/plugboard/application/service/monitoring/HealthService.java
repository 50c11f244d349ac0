package dev.plugboard.application.service.monitoring;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.monitoring.HealthRepository;
import dev.plugboard.application.port.out.monitoring.HealthSignalSource;
import dev.plugboard.application.port.out.monitoring.HealthSignalSource.RunSample;
import dev.plugboard.application.port.out.monitoring.JobLock;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.domain.health.HealthSignals;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.health.PluginHealth;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;

import dev.plugboard.domain.circuit.Circuit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges every plugin's health from its recent runs, circuits, workers and own check, keeps the
 * verdicts, and lets {@link AlertRules} open and resolve the alerts that follow. {@link #evaluate()}
 * is the periodic job: one instance at a time does it, under a job lock.
 */
public final class HealthService implements PluginHealthUseCase {

    static final String JOB = "plugboard-health";

    private final PluginRepository plugins;
    private final HealthRepository verdicts;
    private final HealthSignalSource signals;
    private final JobLock lock;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final HealthSettings settings;
    private final ActiveChecks checks;
    private final AlertRules rules;

    public HealthService(PluginRepository plugins, HealthRepository verdicts, HealthSignalSource signals, JobLock lock,
                         TransactionBoundary transactions, TimeSource clock, HealthSettings settings,
                         HandlerRegistry handlers, AlertService alerts) {
        this.plugins = plugins;
        this.verdicts = verdicts;
        this.signals = signals;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.checks = new ActiveChecks(handlers, settings.checkTimeout());
        this.rules = new AlertRules(alerts, settings);
    }

    @Override
    public List<PluginHealth> all() {
        Instant now = clock.now();
        Map<PluginName, PluginHealth> known = new java.util.HashMap<>();
        verdicts.findAll().forEach(health -> known.put(health.plugin(), health));
        return plugins.findAll().stream()
                .map(plugin -> known.getOrDefault(plugin.name(), PluginHealth.unknown(plugin.name(), now)))
                .sorted(java.util.Comparator.comparing(health -> health.plugin().value()))
                .toList();
    }

    @Override
    public CallerHealth forCaller(Caller caller, PluginName plugin) {
        plugins.find(plugin).orElseThrow(() -> new PluginNotFoundException(plugin.value()));
        Instant now = clock.now();
        PluginHealth global = verdicts.find(plugin).orElseGet(() -> PluginHealth.unknown(plugin, now));
        RunSample own = signals.runs(plugin, Optional.of(caller.owner()), now.minus(settings.window()),
                settings.sampleRuns());
        return new CallerHealth(global, own);
    }

    /** Checks every plugin once and raises or resolves alerts; returns how many were checked (0 when another instance holds the job). */
    public int evaluate() {
        List<Plugin> catalog = plugins.findAll();
        Map<PluginName, HealthState> answers = checks.run(catalog);   // outside the transaction: checks may be slow
        return transactions.inTransaction(() -> {
            if (!lock.tryHold(JOB)) {
                return 0;
            }
            Instant now = clock.now();
            List<Circuit> open = signals.openCircuits(now);
            Map<PluginName, Long> openPerPlugin = open.stream()
                    .collect(Collectors.groupingBy(Circuit::plugin, Collectors.counting()));
            AlertRules.Sightings sightings = rules.newSightings();
            for (Plugin plugin : catalog) {
                PluginHealth health = judge(plugin, answers.get(plugin.name()), openPerPlugin.getOrDefault(plugin.name(), 0L), now);
                verdicts.save(health);
                if (plugin.isEnabled()) {
                    sightings.plugin(health, signals.pendingRuns(plugin.name()));
                }
            }
            open.forEach(sightings::circuit);
            sightings.resolveTheRest();
            return catalog.size();
        });
    }

    /**
     * Whether a worker is about: a run waiting for less than the worker window proves nothing yet (a
     * worker polls), so only a run waiting longer, with no claim or heartbeat in that window, counts against it.
     */
    private boolean workerSeen(PluginName name, Instant now) {
        Instant since = now.minus(settings.workerWindow());
        boolean waitingLong = signals.oldestPending(name).filter(at -> !at.isAfter(since)).isPresent();
        return !waitingLong || signals.lastWorkerActivity(name, now).filter(at -> at.isAfter(since)).isPresent();
    }

    private PluginHealth judge(Plugin plugin, HealthState answer, long open, Instant now) {
        PluginName name = plugin.name();
        RunSample sample = signals.runs(name, Optional.empty(), now.minus(settings.window()), settings.sampleRuns());
        long pending = signals.pendingRuns(name);
        Optional<Boolean> workerSeen = plugin.manifest().execution().mode() == ExecutionMode.EXTERNAL
                ? Optional.of(workerSeen(name, now)) : Optional.empty();
        HealthSignals observed = new HealthSignals(sample.finished(), sample.succeeded(), sample.p95(),
                plugin.manifest().execution().timeout(), (int) open, pending, workerSeen, Optional.ofNullable(answer));
        PluginHealth previous = verdicts.find(name).orElseGet(() -> PluginHealth.unknown(name, now));
        return previous.next(settings.policy().assess(observed), now);
    }
}
