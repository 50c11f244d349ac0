package dev.plugboard.application.port;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Optional;

/** Which page of a list to return: at most {@code limit} items after the opaque cursor {@code after}. */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", limit, "must be 1 to " + MAX_LIMIT);
        }
        after = after == null ? Optional.empty() : after.filter(cursor -> !cursor.isBlank());
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, Optional.empty());
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public PageRequest next(String cursor) {
        return new PageRequest(limit, Optional.of(cursor));
    }
}
