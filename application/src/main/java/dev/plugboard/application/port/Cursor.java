package dev.plugboard.application.port;

import dev.plugboard.domain.error.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

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
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", cursor, "is not a cursor this list handed out; start again without 'after'");
        }
    }
}
