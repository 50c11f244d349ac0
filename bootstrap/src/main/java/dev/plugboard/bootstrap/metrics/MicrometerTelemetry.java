package dev.plugboard.bootstrap.metrics;

import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The use cases' telemetry as Micrometer meters ({@code plugboard_runs_total}, {@code plugboard_run_duration_seconds},
 * ...; docs/operations.md lists them). Labels are plugin names, statuses and codes, never owners.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public final class MicrometerTelemetry implements Telemetry {

    /** Service-level buckets of the run duration histogram, in seconds. */
    static final double[] DURATION_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    private static final int MAX_LABEL_VALUES = 100;
    private static final String NONE = "none";

    private final Meter.MeterProvider<Counter> runs;
    private final Meter.MeterProvider<Timer> durations;
    private final Meter.MeterProvider<Counter> attempts;
    private final Meter.MeterProvider<Counter> events;
    private final Meter.MeterProvider<Counter> validations;
    private final Meter.MeterProvider<Counter> workflowRuns;
    private final BoundedLabel errorCodes = new BoundedLabel(MAX_LABEL_VALUES);
    private final BoundedLabel eventTypes = new BoundedLabel(MAX_LABEL_VALUES);
    // The meters of a run's end, kept by their labels: a map lookup instead of building and registering an id per run.
    private final Map<List<String>, Counter> runCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> durationTimers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> attemptCounters = new ConcurrentHashMap<>();

    public MicrometerTelemetry(MeterRegistry registry) {
        runs = Counter.builder("plugboard.runs")
                .description("plugin runs that reached their final state, by plugin, status and error code")
                .withRegistry(registry);
        durations = Timer.builder("plugboard.run.duration")
                .description("time from a run's start to its final state, for runs that started")
                .serviceLevelObjectives(Arrays.stream(DURATION_BUCKETS).mapToObj(MicrometerTelemetry::seconds)
                        .toArray(Duration[]::new))
                .withRegistry(registry);
        attempts = Counter.builder("plugboard.attempts")
                .description("attempts of plugin runs by outcome: succeeded, failed, retrying, refused")
                .withRegistry(registry);
        events = Counter.builder("plugboard.events")
                .description("events published, by type (the first " + MAX_LABEL_VALUES + " types, then 'other')")
                .withRegistry(registry);
        validations = Counter.builder("plugboard.settings.validations")
                .description("settings validations (install, configure, dry run) by plugin and result: valid, invalid")
                .withRegistry(registry);
        workflowRuns = Counter.builder("plugboard.workflow.runs")
                .description("workflow runs that reached their final state, by status")
                .withRegistry(registry);
        // Final statuses are few and known: exposed at zero from the start, so rate() and alerts see them at once.
        for (WorkflowRunStatus status : WorkflowRunStatus.values()) {
            if (status.isFinal()) {
                workflowRuns.withTags("status", status.wireName());
            }
        }
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos(Math.round(value * 1_000_000_000L));
    }

    @Override
    public void runFinished(PluginRun run) {
        String plugin = run.plugin().value();
        String code = run.error().map(RunError::code).map(errorCodes::of).orElse(NONE);
        String status = run.status().wireName();
        runCounters.computeIfAbsent(List.of(plugin, status, code),
                key -> runs.withTags("plugin", plugin, "status", status, "error_code", code)).increment();
        run.startedAt().ifPresent(started -> run.completedAt().ifPresent(finished ->
                durationTimers.computeIfAbsent(plugin, key -> durations.withTags("plugin", plugin))
                        .record(Duration.between(started, finished))));
    }

    @Override
    public void attemptEnded(PluginName plugin, AttemptOutcome outcome) {
        attemptCounters.computeIfAbsent(List.of(plugin.value(), outcome.label()),
                key -> attempts.withTags("plugin", key.get(0), "outcome", key.get(1))).increment();
    }

    @Override
    public void eventPublished(String type) {
        events.withTags("type", eventTypes.of(type)).increment();
    }

    @Override
    public void settingsValidated(String plugin, boolean valid) {
        validations.withTags("plugin", plugin, "result", valid ? "valid" : "invalid").increment();
    }

    @Override
    public void workflowRunFinished(WorkflowRunStatus status) {
        workflowRuns.withTags("status", status.wireName()).increment();
    }
}
