package dev.plugboard.adapter.rest.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import static dev.plugboard.adapter.rest.JsonValues.time;

/**
 * An alert.
 *
 * @param kind     {@code plugin_unhealthy}, {@code plugin_degraded}, {@code circuit_opened} or {@code runs_backlog}
 * @param event    the event type published when it opened
 * @param subject  a plugin name, or {@code owner/plugin} for a circuit
 * @param owner    the owner whose circuit it is; null for a plugin-wide alert
 * @param severity {@code warning} or {@code critical}
 * @param status   {@code open}, {@code acknowledged} or {@code resolved}
 * @param count    how many times the health job saw the condition while the alert was active
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertResponse(String id, String kind, String event, String subject, @Nullable String owner,
                            String severity, String status, String detail, String firstSeen, String lastSeen,
                            long count, @Nullable String resolvedAt) {

    public static AlertResponse from(Alert alert) {
        return new AlertResponse(alert.id().toString(), alert.kind().wireName(), alert.kind().eventType(),
                alert.subject(), alert.owner().map(Owner::toString).orElse(null), alert.severity().wireName(),
                alert.status().wireName(), alert.detail(), time(alert.firstSeen()), time(alert.lastSeen()),
                alert.count(), time(alert.resolvedAt()));
    }
}
