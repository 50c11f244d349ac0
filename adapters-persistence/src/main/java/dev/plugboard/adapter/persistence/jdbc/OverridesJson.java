package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The {@code installations.overrides} column: environment to {@code {"settings": ..., "secrets": ...}}. */
final class OverridesJson {

    private OverridesJson() {
    }

    static String write(SettingsOverride override) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("settings", override.visible().asMap());
        stored.put("secrets", override.secrets().asMap());
        return JsonDocument.of(stored).toJson();
    }

    static Map<Environment, SettingsOverride> read(String json) {
        Map<Environment, SettingsOverride> overrides = new TreeMap<>(java.util.Comparator.comparing(Environment::name));
        JsonDocument.parse(json).asMap().forEach((environment, stored) -> {
            JsonDocument document = JsonDocument.of(asMap(stored));
            Environment named = new Environment(environment);
            overrides.put(named, new SettingsOverride(named, JsonDocument.of(asMap(document.get("settings").orElse(Map.of()))),
                    InstallationRow.secrets(JsonDocument.of(asMap(document.get("secrets").orElse(Map.of()))).toJson())));
        });
        return overrides;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object value) {
        return (Map<String, ?>) value;
    }
}
