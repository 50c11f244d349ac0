package dev.plugboard.adapter.cli.alerts;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How alerts are shown: a table for people, the REST API's fields for scripts. */
final class AlertOutput {

    private AlertOutput() {
    }

    static Map<String, Object> json(Alert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", alert.id().toString());
        json.put("kind", alert.kind().wireName());
        json.put("event", alert.kind().eventType());
        json.put("subject", alert.subject());
        json.put("owner", alert.owner().map(Owner::toString).orElse(null));
        json.put("severity", alert.severity().wireName());
        json.put("status", alert.status().wireName());
        json.put("detail", alert.detail());
        json.put("firstSeen", Json.time(alert.firstSeen()));
        json.put("lastSeen", Json.time(alert.lastSeen()));
        json.put("count", alert.count());
        json.put("resolvedAt", Json.time(alert.resolvedAt()));
        return json;
    }

    static void table(List<Alert> alerts, PrintWriter out) {
        Table table = new Table("ID", "KIND", "SUBJECT", "SEVERITY", "STATUS", "COUNT", "LAST SEEN", "DETAIL");
        alerts.forEach(a -> table.row(a.id(), a.kind().wireName(), a.subject(), a.severity().wireName(),
                a.status().wireName(), a.count(), a.lastSeen(), a.detail()));
        table.print(out);
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("alert id", text, "use the ID column of 'plugboard alerts list'");
        }
    }
}
