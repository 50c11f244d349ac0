package dev.plugboard.application.service.analytics;

import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the analytics plugin's {@code stats} document through the installation store port. The
 * plugin writes that document only when a run commits, so the answer reflects exactly the runs that
 * completed before the read; the layout read here is the one documented on {@code AnalyticsPlugin}.
 */
public final class AnalyticsStatsService implements AnalyticsStatsUseCase {

    static final String STATS_KEY = "stats";
    private static final int WEEK = 7;
    private static final long DEFAULT_RETENTION_DAYS = 90;

    private final InstallationRepository installations;
    private final InstallationStore store;
    private final TransactionBoundary transactions;
    private final TimeSource clock;

    public AnalyticsStatsService(InstallationRepository installations, InstallationStore store,
                                 TransactionBoundary transactions, TimeSource clock) {
        this.installations = installations;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AnalyticsStats stats(AnalyticsStatsQuery query) {
        LocalDate today = clock.now().atOffset(ZoneOffset.UTC).toLocalDate();
        Installation installation = transactions.inTransaction(() -> installations.find(query.owner(), PluginName.of(PLUGIN))
                .orElseThrow(() -> new InstallationNotFoundException(query.owner(), PLUGIN)));
        JsonDocument stats = transactions.inTransaction(() -> store.get(installation.id(), STATS_KEY))
                .orElse(JsonDocument.of(Map.of()));
        // Days past the installation's retention are pruned by the next run; leave them out already, as the plugin does.
        LocalDate oldestKept = today.minusDays(retentionDays(installation) - 1L);
        Map<String, Object> days = new TreeMap<>();
        stats.get("days").filter(Map.class::isInstance).map(Map.class::cast).orElse(Map.of())
                .forEach((date, entry) -> {
                    if (date instanceof String text && text.compareTo(oldestKept.toString()) >= 0) {
                        days.put(text, entry);
                    }
                });
        List<Day> series = new ArrayList<>(query.days());
        for (LocalDate date = today.minusDays(query.days() - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            series.add(day(date, days.get(date.toString())));
        }
        long thisWeek = 0;
        for (int back = 0; back < WEEK; back++) {
            thisWeek += day(today.minusDays(back), days.get(today.minusDays(back).toString())).messages();
        }
        return new AnalyticsStats(number(stats.get("received")) + number(stats.get("sent")),
                day(today, days.get(today.toString())).messages(), thisWeek, number(stats.get("uniqueUsers")), series);
    }

    /** The plugin's default when the setting is absent or not a number (the plugin refuses such settings anyway). */
    private static long retentionDays(Installation installation) {
        long days = number(installation.settings().get("retentionDays"));
        return days >= 1 ? days : DEFAULT_RETENTION_DAYS;
    }

    private static Day day(LocalDate date, Object entry) {
        if (entry instanceof Map<?, ?> fields) {
            return new Day(date, number(Optional.ofNullable(fields.get("messages"))),
                    number(Optional.ofNullable(fields.get("users"))));
        }
        return new Day(date, 0, 0);
    }

    private static long number(Optional<?> value) {
        return value.filter(Number.class::isInstance).map(Number.class::cast).map(Number::longValue).orElse(0L);
    }
}
