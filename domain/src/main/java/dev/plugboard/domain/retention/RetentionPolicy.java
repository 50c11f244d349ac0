package dev.plugboard.domain.retention;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each kind of record is kept; every kind has a window, at least one hour long, so that
 * a typo never empties a table.
 */
public record RetentionPolicy(Map<RetentionKind, Duration> windows) {

    public static final Duration SHORTEST = Duration.ofHours(1);

    public RetentionPolicy {
        EnumMap<RetentionKind, Duration> complete = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : RetentionKind.values()) {
            Duration window = windows.getOrDefault(kind, kind.defaultWindow());
            if (window.compareTo(SHORTEST) < 0) {
                throw new InvalidValueException("retention window of " + kind.wireName(), window,
                        "must be at least 1 hour (PT1H)");
            }
            complete.put(kind, window);
        }
        windows = Map.copyOf(complete);
    }

    /** The seed's windows: runs 30 days, rollups 90 days, analytics 1 year, audit 2 years, event keys 7 days. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Map.of());
    }

    public Duration window(RetentionKind kind) {
        return windows.get(kind);
    }

    /** Records of {@code kind} from before this instant are due for removal. */
    public Instant cutoff(RetentionKind kind, Instant now) {
        return now.minus(window(kind));
    }
}
