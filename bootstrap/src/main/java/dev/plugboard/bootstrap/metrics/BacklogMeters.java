package dev.plugboard.bootstrap.metrics;

import dev.plugboard.adapter.persistence.jdbc.JdbcBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@code plugboard_runs_pending}, {@code plugboard_oldest_pending_run_age_seconds} and
 * {@code plugboard_circuit_open}, per plugin across owners. They are read from the database by
 * {@link #refresh()} every few seconds ({@link MetricsLifecycle}); a scrape reads the last values
 * and never queries, however many scrapers there are.
 */
@Singleton
final class BacklogMeters implements MeterBinder {

    // A provider: meter binders are made with the registry, before the database is ready.
    private final Provider<JdbcBacklog> backlog;
    private MultiGauge pending;
    private MultiGauge oldestAge;
    private MultiGauge openCircuits;

    BacklogMeters(Provider<JdbcBacklog> backlog) {
        this.backlog = backlog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        pending = MultiGauge.builder("plugboard.runs.pending")
                .description("runs waiting to start, per plugin across owners (read every few seconds)")
                .register(registry);
        oldestAge = MultiGauge.builder("plugboard.oldest.pending.run.age")
                .baseUnit("seconds")
                .description("age of the oldest pending run per plugin; 0 when none is pending")
                .register(registry);
        openCircuits = MultiGauge.builder("plugboard.circuit.open")
                .description("open circuits per plugin, counted across owners")
                .register(registry);
    }

    /** Reads the backlog once and publishes it; returns the number of plugins read. */
    int refresh() {
        if (pending == null) {
            return 0; // not bound to a registry (metrics switched off)
        }
        JdbcBacklog reader = backlog.get();
        var rows = reader.pending();
        pending.register(rows.stream().map(row -> MultiGauge.Row.of(Tags.of("plugin", row.plugin()), row.count()))
                .toList(), true);
        oldestAge.register(rows.stream().map(row -> MultiGauge.Row.of(Tags.of("plugin", row.plugin()),
                row.oldestAgeSeconds())).toList(), true);
        openCircuits.register(reader.openCircuits().stream()
                .map(row -> MultiGauge.Row.of(Tags.of("plugin", row.plugin()), row.count())).toList(), true);
        return rows.size();
    }
}
