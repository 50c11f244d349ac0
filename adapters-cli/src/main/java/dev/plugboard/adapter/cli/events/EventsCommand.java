package dev.plugboard.adapter.cli.events;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard events} group: events for an owner's subscribing plugins. */
@Prototype
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Publish events (message.received, message.sent, ...) for a user or an organization:"
                + " each becomes one run per enabled installation whose plugin subscribes to the event type"
                + " (capability event:TYPE in its manifest)."},
        subcommands = {PublishEventCommand.class},
        footer = {"%nExamples:", "  plugboard events publish message.received --user alice --data msg.json",
                "  plugboard events publish message.sent --org acme --data - < msg.json"})
public class EventsCommand extends CommandGroup {
}
