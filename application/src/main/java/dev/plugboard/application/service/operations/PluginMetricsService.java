package dev.plugboard.application.service.operations;

import dev.plugboard.application.port.in.operations.PluginMetricsHour;
import dev.plugboard.application.port.in.operations.PluginMetricsUseCase;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.operations.MetricsRollups;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Serves a plugin's hourly series from the rollups, zero-filling the hours rolled up without runs. */
public final class PluginMetricsService implements PluginMetricsUseCase {

    private final MetricsRollups rollups;
    private final PluginRepository plugins;
    private final TransactionBoundary transactions;

    public PluginMetricsService(MetricsRollups rollups, PluginRepository plugins, TransactionBoundary transactions) {
        this.rollups = rollups;
        this.plugins = plugins;
        this.transactions = transactions;
    }

    @Override
    public MetricsSeries hourly(PluginName plugin, Optional<Owner> owner, Instant from, Instant to) {
        requireWholeHour("from", from);
        requireWholeHour("to", to);
        if (!to.isAfter(from)) {
            throw new InvalidValueException("to", to, "must be after from (" + from + ")");
        }
        long hours = Duration.between(from, to).toHours();
        if (hours > MAX_HOURS) {
            throw new InvalidValueException("to", to, "the range may span at most " + MAX_HOURS + " hours (92 days)");
        }
        return transactions.inTransaction(() -> {
            if (plugins.find(plugin).isEmpty()) {
                throw new PluginNotFoundException(plugin.value());
            }
            Optional<Instant> rolledUpTo = rollups.lastRolledHour().map(hour -> hour.plus(1, ChronoUnit.HOURS));
            Map<Instant, PluginMetricsHour> stored = rollups.hours(plugin, owner, from, to).stream()
                    .collect(Collectors.toMap(PluginMetricsHour::hour, Function.identity()));
            List<PluginMetricsHour> series = new ArrayList<>();
            // Hours not rolled up yet are unknown, not zero: the series stops where the rollups do.
            Instant end = rolledUpTo.map(until -> until.isBefore(to) ? until : to).orElse(from);
            for (Instant hour = from; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
                series.add(stored.getOrDefault(hour, PluginMetricsHour.empty(hour)));
            }
            return new MetricsSeries(plugin.value(), from, to, rolledUpTo, series);
        });
    }

    private static void requireWholeHour(String field, Instant value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "give an ISO-8601 instant on a whole UTC hour, e.g. 2026-11-30T10:00:00Z");
        }
        if (!value.truncatedTo(ChronoUnit.HOURS).equals(value)) {
            throw new InvalidValueException(field, value, "must be a whole UTC hour, e.g. "
                    + value.truncatedTo(ChronoUnit.HOURS));
        }
    }
}
