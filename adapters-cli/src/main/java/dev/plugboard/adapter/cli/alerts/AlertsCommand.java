package dev.plugboard.adapter.cli.alerts;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard alerts} group: what the health job raised, for operators. */
@Prototype
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"List, acknowledge and resolve alerts: a plugin unhealthy or degraded, a circuit open, a"
                + " backlog of pending runs. A running server opens them, publishes an event for each and resolves"
                + " them when the condition clears (see docs/operations.md)."},
        subcommands = {ListAlertsCommand.class, AcknowledgeAlertCommand.class, ResolveAlertCommand.class},
        footer = {"%nExamples:", "  plugboard alerts list --status open",
                "  plugboard alerts ack 6f1c0d2e-0000-4000-8000-000000000000"})
public class AlertsCommand extends CommandGroup {
}
