package dev.plugboard.adapter.rest.analytics;

import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStats;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The analytics statistics as JSON: counts and a zero-filled daily series, oldest day first. */
@Serdeable
public record AnalyticsStatsResponse(
        @Schema(description = "messages received and sent, ever") long totalMessages,
        @Schema(description = "messages on today's UTC date") long today,
        @Schema(description = "messages over the last seven UTC days, today included") long thisWeek,
        @Schema(description = "distinct users ever seen (while trackUniqueUsers is on)") long uniqueUsers,
        List<DayResponse> series) {

    static AnalyticsStatsResponse from(AnalyticsStats stats) {
        return new AnalyticsStatsResponse(stats.totalMessages(), stats.today(), stats.thisWeek(), stats.uniqueUsers(),
                stats.series().stream().map(day -> new DayResponse(day.date().toString(), day.messages(), day.users())).toList());
    }

    /** One UTC day. */
    @Serdeable
    public record DayResponse(
            @Schema(description = "UTC date", example = "2026-11-22", format = "date") String date,
            long messages,
            @Schema(description = "distinct users on that day") long users) {
    }
}
