package dev.plugboard.domain.alert;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Locale;

/** An alert's lifecycle: open, acknowledged by an operator (still active), resolved (by hand or because the condition cleared). */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this != RESOLVED;
    }

    public static AlertStatus fromWire(String text) {
        for (AlertStatus status : values()) {
            if (status.wireName().equals(text)) {
                return status;
            }
        }
        throw new InvalidValueException("status", text, "use open, acknowledged or resolved");
    }
}
