package dev.plugboard.adapter.cli.events;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.runs.RunOutput;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonInput;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.EventReport;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code plugboard events publish TYPE}: fans an event out to an owner's subscribing installations. */
@Prototype
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish an event for a user or an organization: one run is queued per enabled installation"
                + " whose plugin subscribes to TYPE, with input {\"type\": TYPE, \"data\": DATA}. With --key, publishing"
                + " the same key again for the same owner queues nothing and shows the first delivery's runs.",
                "Subscribers that could not take the event are listed as skipped; the exit code is still 0."},
        footer = {"%nExamples:", "  plugboard events publish message.received --user alice --data msg.json",
                "  plugboard events publish message.sent --org acme --key m-42 --data - < m.json",
                "  plugboard events publish message.received --user alice --json"})
public class PublishEventCommand extends CliCommand {

    private final Provider<PublishEventUseCase> events;

    @Parameters(paramLabel = "TYPE", description = "The event type: lowercase words joined by dots, e.g. message.received.")
    private String type;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--data", paramLabel = "FILE|-",
            description = "The event's data, a JSON object, from FILE or from standard input (-). Default: {}.")
    private String data;

    @Option(names = "--key", paramLabel = "KEY",
            description = "An idempotency key (at most 120 characters): the same key never queues the runs twice.")
    private String key;

    @Mixin
    private JsonOption json;

    public PublishEventCommand(Provider<PublishEventUseCase> events) {
        this.events = events;
    }

    @Override
    protected ExitCode execute() {
        JsonDocument document = data == null ? JsonDocument.empty() : JsonInput.read("event data", data);
        PublishEventUseCase.PublishEventCommand command = new PublishEventUseCase.PublishEventCommand(
                owner.caller(Optional.empty()), type, document, Optional.ofNullable(key));
        EventReport report = events.get().publish(command);
        if (json.enabled()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("runs", report.runs().stream().map(RunOutput::json).toList());
            result.put("duplicate", report.duplicate());
            result.put("skipped", report.skipped());
            Json.print(out(), result);
            return ExitCode.OK;
        }
        String owner = this.owner.owner().toString();
        int count = report.runs().size();
        if (report.duplicate()) {
            out().println("Event " + command.type() + " with key " + key + " was already published for " + owner
                    + ": nothing queued; " + runs(count) + " of the first delivery:");
        } else {
            out().println("Published " + command.type() + " for " + owner + ": " + runs(count) + " queued"
                    + (count == 0 ? " (no enabled installation subscribes to it)." : ":"));
        }
        if (count > 0) {
            RunOutput.table(report.runs(), out());
        }
        report.skipped().forEach(skipped -> out().println("skipped  " + skipped));
        return ExitCode.OK;
    }

    private static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }
}
