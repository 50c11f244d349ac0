package dev.plugboard.application.port.in.execution;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An event for an owner (a message received, say) becomes one run per enabled installation whose
 * plugin subscribes to it ({@code event:<type>} among its capabilities). The same idempotency key
 * never creates the runs twice.
 */
public interface PublishEventUseCase {

    Pattern TYPE = Pattern.compile("^[a-z0-9]+([._-][a-z0-9]+)*$");

    record PublishEventCommand(Caller caller, String type, JsonDocument data, Optional<String> idempotencyKey) {
        public PublishEventCommand {
            Require.present("caller", caller);
            type = Require.nonBlank("event type", type);
            if (!TYPE.matcher(type).matches() || type.length() > 100) {
                throw new InvalidValueException("event type", type, "use lowercase words joined by dots, e.g. 'message.received'");
            }
            data = data == null ? JsonDocument.empty() : data;
            idempotencyKey = idempotencyKey == null ? Optional.empty()
                    : idempotencyKey.filter(k -> !k.isBlank()).map(k -> Require.noNul("idempotency key", k));
        }
    }

    /**
     * @param duplicate true when the key was seen before and nothing new was created; {@code runs}
     *                  then lists the runs the first delivery created
     * @param skipped   installations that subscribe but could not take the event, with why
     * @param workflowRuns the ids of the workflow runs the event started (EVENT-triggered workflows)
     */
    record EventReport(List<PluginRun> runs, boolean duplicate, List<String> skipped, List<String> workflowRuns) {
        public EventReport {
            runs = List.copyOf(runs);
            skipped = List.copyOf(skipped);
            workflowRuns = List.copyOf(workflowRuns);
        }

        public EventReport(List<PluginRun> runs, boolean duplicate, List<String> skipped) {
            this(runs, duplicate, skipped, List.of());
        }
    }

    /** Whatever else an owner's events start besides plugin runs: workflows with an EVENT trigger. */
    interface EventFollowers {

        /** Starts what follows the event, in the event's transaction; returns the ids of what it started. */
        List<String> follow(Caller caller, String type, JsonDocument data, List<String> skipped);

        static EventFollowers none() {
            return (caller, type, data, skipped) -> List.of();
        }
    }

    EventReport publish(PublishEventCommand command);
}
