package dev.plugboard.bootstrap.launch;

import dev.plugboard.domain.time.Durations;
import dev.plugboard.domain.error.InvalidValueException;

import java.util.function.Predicate;

/** The form a configuration value must take, and the words that describe it to whoever wrote it wrong. */
public enum ValueType {

    TEXT("any text", text -> true),
    LIST("a comma-separated list", text -> true),
    HOST("a host name or IP address such as 127.0.0.1 or 0.0.0.0", text -> text.matches("[\\w.:\\[\\]%-]+")),
    PORT("a port number from 0 to 65535", text -> wholeNumber(text) && Long.parseLong(text) <= 65535),
    NUMBER("a whole number of 0 or more", ValueType::wholeNumber),
    POSITIVE_NUMBER("a whole number of 1 or more", text -> wholeNumber(text) && Long.parseLong(text) >= 1),
    BOOLEAN("true or false", text -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")),
    DURATION("a duration such as 30s, 500ms, 2m, 1h or PT30S", ValueType::duration),
    ENVIRONMENT("an environment name: lowercase letters and digits in dash-separated words, at most 32 characters,"
            + " e.g. staging", text -> text.matches("[a-z0-9]+(-[a-z0-9]+)*") && text.length() <= 32);

    private final String expected;
    private final Predicate<String> accepts;

    ValueType(String expected, Predicate<String> accepts) {
        this.expected = expected;
        this.accepts = accepts;
    }

    public String expected() {
        return expected;
    }

    boolean accepts(String text) {
        return accepts.test(text.strip());
    }

    /** Free text may be a password or a secret: it is never repeated in a message. */
    boolean echoable() {
        return this != TEXT && this != LIST;
    }

    private static boolean wholeNumber(String text) {
        return text.matches("\\d{1,9}");
    }

    /** The one duration grammar of Plugboard ({@link Durations}). */
    private static boolean duration(String text) {
        try {
            Durations.parse("duration", text);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
