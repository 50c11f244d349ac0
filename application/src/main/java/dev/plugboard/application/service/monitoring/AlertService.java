package dev.plugboard.application.service.monitoring;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.PublishEventUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.application.port.in.monitoring.AlertsUseCase;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.monitoring.AlertRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.alert.AlertNotFoundException;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Opens, bumps and resolves alerts. Opening one is audited, logged as a warning and published as an
 * event ({@code plugin.unhealthy}, {@code circuit.opened}, ...) to the owner concerned, so that their
 * subscribed installations (a webhook plugin, say) pass it on; it resolves itself when the condition clears.
 */
public final class AlertService implements AlertsUseCase {

    private final AlertRepository alerts;
    private final PublishEventUseCase events;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final IdSource ids;
    private final Owner operatorOwner;
    private final Consumer<String> warnings;

    public AlertService(AlertRepository alerts, PublishEventUseCase events, AuditTrail audit, TimeSource clock,
                        IdSource ids, Owner operatorOwner, Consumer<String> warnings) {
        this.alerts = alerts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.operatorOwner = operatorOwner;
        this.warnings = warnings;
    }

    @Override
    public List<Alert> list(Optional<AlertStatus> status, int limit) {
        return alerts.list(status, Optional.empty(), Math.min(Math.max(limit, 1), MAX_LIST));
    }

    @Override
    public List<Alert> listForOwner(Owner owner, Optional<AlertStatus> status, int limit) {
        return alerts.list(status, Optional.of(owner), Math.min(Math.max(limit, 1), MAX_LIST));
    }

    @Override
    public Alert acknowledge(Actor actor, UUID id) {
        return change(actor, id, AuditAction.ALERT_ACKNOWLEDGED, Alert::acknowledge);
    }

    @Override
    public Alert resolve(Actor actor, UUID id) {
        return change(actor, id, AuditAction.ALERT_RESOLVED, alert -> alert.resolve(clock.now()));
    }

    private Alert change(Actor actor, UUID id, AuditAction action, java.util.function.UnaryOperator<Alert> how) {
        return audit.perform(actor, action, "alert:" + id, () -> {
            Alert before = alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id.toString()));
            Alert after = how.apply(before);
            if (!after.equals(before)) {
                alerts.update(after);
                audit.success(actor, action, target(after), state(before), state(after), after.kind().wireName());
            }
            return after;
        });
    }

    /**
     * The condition holds now: opens the alert, or counts another sighting of the active one. Call
     * inside the job's transaction.
     *
     * @param owner the owner the alert is about (a circuit's), who also receives its event; empty for
     *              a plugin-wide alert, whose event goes to the operator owner
     */
    Alert raise(AlertKind kind, String subject, Optional<Owner> owner, String detail, Map<String, Object> data) {
        Optional<Alert> active = alerts.findActive(kind, subject);
        if (active.isPresent()) {
            Alert seen = active.get().seenAgain(detail, clock.now());
            alerts.update(seen);
            return seen;
        }
        Alert opened = Alert.open(ids.newId(), kind, subject, owner, detail, clock.now());
        alerts.add(opened);
        audit.success(Actor.system(), AuditAction.ALERT_OPENED, target(opened), null, state(opened), detail);
        warnings.accept("Alert " + kind.eventType() + " (" + kind.severity().wireName() + ") opened for " + subject
                + ": " + detail);
        publish(opened, data);
        return opened;
    }

    /** Resolves every active alert of {@code kind} whose subject is not among {@code stillActive}. */
    int resolveCleared(AlertKind kind, Set<String> stillActive) {
        int resolved = 0;
        for (Alert alert : alerts.findActive(kind)) {
            if (!stillActive.contains(alert.subject())) {
                Alert after = alert.resolve(clock.now());
                alerts.update(after);
                audit.success(Actor.system(), AuditAction.ALERT_RESOLVED, target(after), state(alert), state(after),
                        "condition cleared");
                resolved++;
            }
        }
        return resolved;
    }

    private void publish(Alert alert, Map<String, Object> data) {
        Owner to = alert.owner().orElse(operatorOwner);
        Map<String, Object> payload = new LinkedHashMap<>(data);
        payload.put("alertId", alert.id().toString());
        payload.put("kind", alert.kind().wireName());
        payload.put("severity", alert.severity().wireName());
        payload.put("subject", alert.subject());
        payload.put("detail", alert.detail());
        payload.put("firstSeen", alert.firstSeen().toString());
        try {
            events.publish(new PublishEventCommand(new Caller(Actor.system(), to, Optional.empty()),
                    alert.kind().eventType(), JsonDocument.of(payload), Optional.of("alert:" + alert.id())));
        } catch (RuntimeException e) {
            // The alert stands even if nobody could be told; the operator still has the log and the list.
            warnings.accept("Alert " + alert.id() + " could not be published to " + to + ": " + e.getMessage());
        }
    }

    private static String target(Alert alert) {
        return "alert:" + alert.kind().wireName() + ":" + alert.subject();
    }

    private static JsonDocument state(Alert alert) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", alert.id().toString());
        state.put("status", alert.status().wireName());
        state.put("severity", alert.severity().wireName());
        state.put("count", alert.count());
        return JsonDocument.of(state);
    }
}
