package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.domain.error.InvalidValueException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset paging: a page is fetched with one row more than asked for, which tells whether a next
 * page exists; its cursor is the position of the last row returned.
 */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }

    /** The position of a newest-first list: a time and the id that breaks ties at that time. */
    record TimeAndId(Instant at, UUID id) {

        static TimeAndId decode(String cursor) {
            List<String> parts = Cursor.decode(cursor, 2);
            try {
                return new TimeAndId(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (RuntimeException e) {
                throw new InvalidValueException("cursor", cursor,
                        "is not a cursor this list handed out; start again without 'after'");
            }
        }

        static String encode(Instant at, UUID id) {
            return Cursor.encode(at.toString(), id.toString());
        }
    }
}
