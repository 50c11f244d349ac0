package dev.plugboard.adapter.cli.support;

import dev.plugboard.domain.settings.JsonDocument;

/** Reads the settings JSON object that {@code --settings FILE} names, or standard input for {@code --settings -}. */
public final class SettingsInput {

    public static final String STDIN = JsonInput.STDIN;

    private SettingsInput() {
    }

    public static JsonDocument read(String source) {
        return JsonInput.read("settings", source);
    }
}
