package dev.plugboard.adapter.cli.analytics;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStats;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStatsQuery;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code plugboard analytics stats}: what {@code GET /api/user/plugins/analytics/stats} answers, for an operator. */
@Prototype
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Show an owner's message statistics from the analytics plugin's store, without starting a run:"
                + " total messages, today, the last seven UTC days, unique users, and one line per UTC day,"
                + " zero-filled. They include the runs that completed before the command; exit 3 when analytics"
                + " is not installed."},
        footer = {"%nExamples:", "  plugboard analytics stats --user alice", "  plugboard analytics stats --org acme --days 30 --json"})
public class AnalyticsStatsCommand extends CliCommand {

    private final Provider<AnalyticsStatsUseCase> analytics;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = "Days in the series, today included: 1 to 90 (default: ${DEFAULT-VALUE}).")
    private int days;

    @Mixin
    private JsonOption json;

    public AnalyticsStatsCommand(Provider<AnalyticsStatsUseCase> analytics) {
        this.analytics = analytics;
    }

    @Override
    protected ExitCode execute() {
        AnalyticsStats stats = analytics.get().stats(new AnalyticsStatsQuery(owner.owner(), days));
        if (json.enabled()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("totalMessages", stats.totalMessages());
            out.put("today", stats.today());
            out.put("thisWeek", stats.thisWeek());
            out.put("uniqueUsers", stats.uniqueUsers());
            out.put("series", stats.series().stream().map(day -> Map.of("date", day.date().toString(),
                    "messages", day.messages(), "users", day.users())).toList());
            Json.print(out(), out);
            return ExitCode.OK;
        }
        new Table("Total messages:", String.valueOf(stats.totalMessages())).row("Today:", stats.today())
                .row("This week:", stats.thisWeek()).row("Unique users:", stats.uniqueUsers()).print(out());
        out().println();
        Table series = new Table("DATE", "MESSAGES", "USERS");
        stats.series().forEach(day -> series.row(day.date(), day.messages(), day.users()));
        series.print(out());
        return ExitCode.OK;
    }
}
