package dev.plugboard.adapter.console.analytics;

import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStats;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.Day;

import java.util.List;
import java.util.Optional;

/** The analytics widget: the owner's counts, and the 7-day chart as server-drawn SVG bars (empty: not installed). */
public record AnalyticsWidget(Optional<AnalyticsStats> stats) {

    private static final int HEIGHT = 100;
    private static final int BAR = 40;

    public List<Bar> bars() {
        List<Day> days = stats.map(AnalyticsStats::series).orElse(List.of());
        long max = Math.max(1, days.stream().mapToLong(Day::messages).max().orElse(1));
        return java.util.stream.IntStream.range(0, days.size()).mapToObj(i -> {
            Day day = days.get(i);
            int height = (int) Math.round(HEIGHT * (double) day.messages() / max);
            return new Bar(i * (BAR + 8), HEIGHT - height, BAR, height, day.date().toString().substring(5), day.messages());
        }).toList();
    }

    public int width() {
        return Math.max(1, bars().size()) * (BAR + 8);
    }

    /** One day's bar: where it stands, its label (MM-DD) and count. */
    public record Bar(int x, int y, int width, int height, String label, long messages) {
    }
}
