package dev.plugboard.application.port;

import dev.plugboard.domain.error.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Encodes the keyset position of the last item of a page as an opaque, URL-safe token, and reads
 * it back. Adapters decide what the parts are (a name, a timestamp and an id).
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... parts) {
        String joined = String.join(String.valueOf(SEPARATOR), parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidValueException when the token was not made by {@link #encode} with {@code parts} parts */
    public static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> decoded = Arrays.asList(joined.split(String.valueOf(SEPARATOR), -1));
            if (decoded.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            if (joined.indexOf('\u0000') >= 0) {
                // No cursor of ours holds one, and PostgreSQL would refuse it as a query parameter.
                throw new IllegalArgumentException("NUL character");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", cursor, "is not a cursor this list handed out; start again without 'after'");
        }
    }

    /**
     * The position in a newest-first list (runs, audit entries): a time, and the id that breaks
     * ties at that time, compared as text as PostgreSQL compares uuids.
     */
    public record TimeAndId(Instant at, UUID id) {

        public static TimeAndId decode(String cursor) {
            List<String> parts = Cursor.decode(cursor, 2);
            try {
                return new TimeAndId(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (RuntimeException e) {
                throw new InvalidValueException("cursor", cursor, "is not a cursor this list handed out; start again without 'after'");
            }
        }

        public static String encode(Instant at, UUID id) {
            return Cursor.encode(at.toString(), id.toString());
        }

        /** Whether an item at {@code itemAt} with {@code itemId} comes after this position, newest first. */
        public boolean isFollowedBy(Instant itemAt, UUID itemId) {
            int byTime = itemAt.compareTo(at);
            return byTime < 0 || byTime == 0 && itemId.toString().compareTo(id.toString()) < 0;
        }
    }
}
