package dev.plugboard.domain.owner;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.util.regex.Pattern;

/** Who installations and runs belong to: a user, or an organization acting as one. */
public record Owner(Kind kind, String id) {

    /** Whether the owner is a person or an organization. */
    public enum Kind { USER, ORGANIZATION }

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@|:+-]*$");

    public Owner {
        Require.present("owner kind", kind);
        String label = kind == Kind.USER ? "user id" : "organization id";
        Require.length(label, Require.nonBlank(label, id), 1, 128);
        Require.matches(label, id, ID, "use letters, digits and . _ @ | : + - (no spaces), starting with a letter or digit");
    }

    public static Owner user(String id) {
        return new Owner(Kind.USER, id);
    }

    public static Owner organization(String id) {
        return new Owner(Kind.ORGANIZATION, id);
    }

    /** Reads the {@code user:alice} / {@code org:acme} form that {@link #toString()} writes. */
    public static Owner parse(String text) {
        if (text != null && text.startsWith("user:")) {
            return user(text.substring(5));
        }
        if (text != null && text.startsWith("org:")) {
            return organization(text.substring(4));
        }
        throw new InvalidValueException("owner", text, "write 'user:<id>' or 'org:<id>'");
    }

    @Override
    public String toString() {
        return (kind == Kind.USER ? "user:" : "org:") + id;
    }
}
