package dev.plugboard.adapter.cli.analytics;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard analytics} group: the builtin analytics plugin's statistics. */
@Prototype
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Read the statistics the builtin analytics plugin keeps for a user (--user) or an organization (--org).",
        subcommands = {AnalyticsStatsCommand.class},
        footer = {"%nExamples:", "  plugboard analytics stats --user alice", "  plugboard analytics stats --org acme --days 30 --json"})
public class AnalyticsCommand extends CommandGroup {
}
