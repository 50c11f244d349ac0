package dev.plugboard.domain.alert;

import java.util.Locale;

/** What an alert is about, with the event it publishes when it opens and how bad it is. */
public enum AlertKind {
    PLUGIN_UNHEALTHY("plugin.unhealthy", Severity.CRITICAL),
    PLUGIN_DEGRADED("plugin.degraded", Severity.WARNING),
    CIRCUIT_OPENED("circuit.opened", Severity.WARNING),
    RUNS_BACKLOG("runs.backlog", Severity.WARNING);

    private final String eventType;
    private final Severity severity;

    AlertKind(String eventType, Severity severity) {
        this.eventType = eventType;
        this.severity = severity;
    }

    public String eventType() {
        return eventType;
    }

    public Severity severity() {
        return severity;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertKind fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** How bad. */
    public enum Severity {
        WARNING, CRITICAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
