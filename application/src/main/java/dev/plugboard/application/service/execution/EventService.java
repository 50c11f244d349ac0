package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.out.EventLog;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fans an event out to the owner's enabled installations whose plugin subscribes to its type. */
public final class EventService implements PublishEventUseCase {

    private static final int MAX_KEY = 120;

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final RunRepository runs;
    private final EventLog events;
    private final StartRunUseCase starter;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final AuditTrail audit;
    private final Telemetry telemetry;
    private EventFollowers followers = EventFollowers.none();

    public EventService(PluginRepository plugins, InstallationRepository installations, RunRepository runs,
                        EventLog events, StartRunUseCase starter, TransactionBoundary transactions, TimeSource clock,
                        AuditTrail audit, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.plugins = plugins;
        this.installations = installations;
        this.runs = runs;
        this.events = events;
        this.starter = starter;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /** Sets what else events start (workflows); wired once, before the first event. */
    public void followedBy(EventFollowers eventFollowers) {
        this.followers = java.util.Objects.requireNonNull(eventFollowers, "followers");
    }

    @Override
    public EventReport publish(PublishEventCommand command) {
        command.idempotencyKey().filter(key -> key.length() > MAX_KEY).ifPresent(key -> {
            throw new InvalidValueException("idempotencyKey", key, "must be at most " + MAX_KEY + " characters");
        });
        Owner owner = command.caller().owner();
        telemetry.eventPublished(command.type());
        String target = "events:" + owner;
        return audit.perform(command.caller().actor(), AuditAction.EVENT_PUBLISHED, target, () -> {
            Optional<String> key = command.idempotencyKey();
            if (key.isPresent() && !events.firstSighting(owner, key.get(), command.type(), clock.now())) {
                // The first delivery's runs, whatever was switched off or on since: any plugin of the
                // catalog that subscribes to the type may have one.
                List<PluginRun> earlier = plugins.findAll().stream()
                        .filter(plugin -> plugin.manifest().subscribesTo(command.type()))
                        .flatMap(plugin -> runs.findByIdempotencyKey(owner, runKey(key.get(), plugin)).stream())
                        .toList();
                return new EventReport(earlier, true, List.of());
            }
            List<Plugin> subscribers = subscribers(owner, command.type());
            JsonDocument input = JsonDocument.of(Map.of("type", command.type(), "data", command.data().asMap()));
            List<PluginRun> started = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Plugin plugin : subscribers) {
                try {
                    started.add(starter.start(new StartRunCommand(command.caller(), plugin.name(), input, RunTrigger.EVENT,
                            key.map(k -> runKey(k, plugin)))));
                } catch (DomainException refused) {
                    skipped.add(plugin.name() + ": " + refused.getMessage());
                }
            }
            List<String> workflowRuns = followers.follow(command.caller(), command.type(), command.data(), skipped);
            audit.success(command.caller().actor(), AuditAction.EVENT_PUBLISHED, target, null,
                    JsonDocument.of(Map.of("type", command.type(), "runs", started.size(), "skipped", skipped.size(),
                            "workflowRuns", workflowRuns.size())),
                    command.type() + command.idempotencyKey().map(k -> " (key " + k + ")").orElse("")
                            + ": " + started.size() + " run(s) queued" + (skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped)));
            return new EventReport(started, false, skipped, workflowRuns);
        });
    }

    /** Enabled plugins with an enabled installation of the owner that list {@code event:<type>}. */
    private List<Plugin> subscribers(Owner owner, String type) {
        List<Plugin> subscribers = new ArrayList<>();
        for (Installation installation : installations.findByOwner(owner)) {
            if (!installation.isEnabled()) {
                continue;
            }
            plugins.find(installation.plugin())
                    .filter(Plugin::isEnabled)
                    .filter(plugin -> plugin.manifest().subscribesTo(type))
                    .ifPresent(subscribers::add);
        }
        return subscribers;
    }

    private static String runKey(String eventKey, Plugin plugin) {
        return "event:" + eventKey + ":" + plugin.name();
    }
}
