package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointer helpers. */
public final class JsonPointers {

    private JsonPointers() {
    }

    public static List<String> tokens(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new InvalidValueException("pointer", pointer, "a JSON pointer starts with '/'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    public static String of(List<String> tokens) {
        StringBuilder pointer = new StringBuilder();
        tokens.forEach(token -> pointer.append('/').append(escape(token)));
        return pointer.toString();
    }

    public static String child(String parent, String token) {
        return parent + "/" + escape(token);
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static boolean isIndex(String token, int size) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)
                || token.length() > 1 && token.startsWith("0")) {
            return false;
        }
        return Integer.parseInt(token) < size;
    }
}
