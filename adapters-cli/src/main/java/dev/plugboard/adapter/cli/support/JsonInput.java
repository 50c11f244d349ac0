package dev.plugboard.adapter.cli.support;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a JSON object from the file an option names ({@code --settings FILE}, {@code --data FILE}),
 * or from standard input for {@code -}. A malformed document is reported by its source, line and
 * column, never by its content: it may hold secrets.
 */
public final class JsonInput {

    public static final String STDIN = "-";

    private JsonInput() {
    }

    /**
     * @param what what the object is, for messages: {@code settings}, {@code event data}
     */
    public static JsonDocument read(String what, String source) {
        String where = STDIN.equals(source) ? "standard input" : source;
        String text;
        try {
            text = STDIN.equals(source) ? readAll(System.in) : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidValueException(what + " file", source, "does not exist; give a JSON file, or - for standard input");
        } catch (IOException e) {
            throw new InvalidValueException(what + " file", source, "cannot be read: " + e.getMessage());
        }
        try {
            return JsonDocument.parse(text);
        } catch (InvalidValueException e) {
            // The parser quotes the text it read; name the source instead.
            throw new InvalidValueException(what, where, e.rule());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
