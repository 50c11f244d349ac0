package dev.plugboard.domain.settings;

/** Small helpers shared by the settings tests. */
final class SettingsFixtures {

    static final String PLUGIN = "weather";
    static final String VERSION = "1.0.0";

    private SettingsFixtures() {
    }

    static JsonDocument json(String text) {
        return JsonDocument.parse(text);
    }

    static SettingsSpec spec(String schema) {
        return new SettingsSpec(PLUGIN, VERSION, json(schema), JsonDocument.empty());
    }

    static SettingsSpec spec(String schema, String defaults) {
        return new SettingsSpec(PLUGIN, VERSION, json(schema), json(defaults));
    }
}
