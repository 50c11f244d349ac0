package dev.plugboard.adapter.cli.support;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the settings JSON object that {@code --settings FILE} names, or standard input for {@code --settings -}. */
public final class SettingsInput {

    public static final String STDIN = "-";

    private SettingsInput() {
    }

    public static JsonDocument read(String source) {
        String where = STDIN.equals(source) ? "standard input" : source;
        String text;
        try {
            text = STDIN.equals(source) ? readAll(System.in) : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidValueException("settings file", source, "does not exist; give a JSON file, or - for standard input");
        } catch (IOException e) {
            throw new InvalidValueException("settings file", source, "cannot be read: " + e.getMessage());
        }
        try {
            return JsonDocument.parse(text);
        } catch (InvalidValueException e) {
            // The parser quotes the text it read; settings may hold secrets, so name the source instead.
            throw new InvalidValueException("settings", where, e.rule());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
