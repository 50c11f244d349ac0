package dev.plugboard.bootstrap.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A label whose values come from callers (event types, plugin error codes): the first {@code limit}
 * distinct values are kept, later new ones read {@value #OTHER}, so that no caller can grow the
 * number of series without bound.
 */
final class BoundedLabel {

    static final String OTHER = "other";

    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedLabel(int limit) {
        this.limit = limit;
    }

    String of(String value) {
        if (seen.contains(value)) {
            return value;
        }
        // Racing threads may overshoot the limit by a few values; that bound is still a bound.
        if (seen.size() < limit) {
            seen.add(value);
            return value;
        }
        return OTHER;
    }
}
