package dev.plugboard.domain.health;

import java.util.Locale;

/** How a plugin is doing, from its score: {@code unknown} when nothing recent says either way. */
public enum HealthState {
    HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthState fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
