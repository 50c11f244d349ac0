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

    /**
     * A plugin's answer to its own health check ({@code "healthy"}, {@code "degraded"} or
     * {@code "unhealthy"}, any case): anything else counts as unhealthy, since a check that cannot
     * say it is well is not.
     */
    public static HealthState fromCheckAnswer(String answer) {
        return switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "healthy" -> HEALTHY;
            case "degraded" -> DEGRADED;
            default -> UNHEALTHY;
        };
    }
}
