package dev.plugboard.adapter.console.installation;

import dev.plugboard.adapter.console.form.FormField;
import dev.plugboard.adapter.console.form.SchemaForm;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fills a plugin's settings form: from the stored settings, from defaults for an install, or from what was typed. */
final class SettingsForms {

    private SettingsForms() {
    }

    static SettingsPage stored(Plugin plugin, Optional<InstallationView> installation, EnvironmentPicker environments) {
        JsonDocument shown = installation.map(InstallationView::settings).orElseGet(() -> defaults(plugin));
        Set<String> secrets = installation.map(InstallationView::secretsSet).orElse(Set.of());
        List<Violation> stored = installation.map(view -> view.attention().violations()).orElse(List.of());
        return page(plugin, installation, flatten(shown.asMap(), ""), secrets, stored, false, environments);
    }

    static SettingsPage typed(Plugin plugin, Optional<InstallationView> installation, Map<String, List<String>> typed,
                              List<Violation> violations, boolean stale, EnvironmentPicker environments) {
        Set<String> secrets = installation.map(InstallationView::secretsSet).orElse(Set.of());
        return page(plugin, installation, typed, secrets, violations, stale, environments);
    }

    private static SettingsPage page(Plugin plugin, Optional<InstallationView> installation,
                                     Map<String, List<String>> values, Set<String> secrets, List<Violation> violations,
                                     boolean stale, EnvironmentPicker environments) {
        SchemaForm form = new SchemaForm(values, secrets, violations);
        List<FormField> fields = form.fields(plugin.manifest().settingsSchema().asMap());
        return new SettingsPage(plugin.name().value(), plugin.manifest().displayName(), installation.isEmpty(),
                installation.map(InstallationView::version).orElse(0L), fields, form.unplaced(fields), stale,
                installation.map(InstallationView::needsAttention).orElse(false), environments);
    }

    /** The manifest's defaults, and each property's own {@code default}. */
    private static JsonDocument defaults(Plugin plugin) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (plugin.manifest().settingsSchema().asMap().get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((key, spec) -> {
                if (spec instanceof Map<?, ?> field && field.containsKey("default")) {
                    defaults.put(String.valueOf(key), field.get("default"));
                }
            });
        }
        defaults.putAll(plugin.manifest().defaultSettings().asMap());
        return JsonDocument.of(defaults);
    }

    /** Each value's text under its pointer; a list's items under the list's pointer. */
    static Map<String, List<String>> flatten(Map<String, Object> object, String parent) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            String pointer = parent + "/" + SchemaForm.escape(key);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) nested;
                values.putAll(flatten(child, pointer));
            } else if (value instanceof List<?> items) {
                List<String> texts = new ArrayList<>();
                items.forEach(item -> texts.add(String.valueOf(item)));
                values.put(pointer, texts);
            } else if (value != null) {
                values.put(pointer, List.of(String.valueOf(value)));
            }
        });
        return values;
    }
}
