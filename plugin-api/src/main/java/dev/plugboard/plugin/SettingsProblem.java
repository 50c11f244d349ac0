package dev.plugboard.plugin;

/**
 * One problem a plugin's {@code validate} hook finds in settings that its schema accepted; it reaches
 * the owner exactly like a schema violation, at its field.
 *
 * @param pointer RFC 6901 pointer to the offending value, such as {@code /apiKey}; {@code ""} for the whole document
 * @param message what is wrong and what to do, for people; never put the value of a secret in it
 */
public record SettingsProblem(String pointer, String message) {

    public SettingsProblem {
        pointer = pointer == null ? "" : pointer;
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a settings problem's pointer is empty or starts with '/', not '" + pointer + "'");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a settings problem needs a message");
        }
    }
}
