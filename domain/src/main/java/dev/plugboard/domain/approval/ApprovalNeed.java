package dev.plugboard.domain.approval;

import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a manifest asks for more than the catalog's version of its plugin: a new plugin, new
 * capabilities, or new secret ({@code writeOnly}) settings fields. Under {@code pending-approval}
 * such a manifest waits for an administrator.
 */
public final class ApprovalNeed {

    private ApprovalNeed() {
    }

    /** Why {@code manifest} needs approval over {@code current} (the approved version), or empty when it does not. */
    public static Optional<String> of(PluginManifest manifest, Optional<PluginManifest> current) {
        if (current.isEmpty()) {
            return Optional.of("new plugin");
        }
        List<String> reasons = new ArrayList<>();
        Set<String> capabilities = new TreeSet<>(manifest.capabilities());
        capabilities.removeAll(current.get().capabilities());
        if (!capabilities.isEmpty()) {
            reasons.add("adds capabilities " + capabilities);
        }
        Set<String> secrets = secretFields(manifest.settingsSchema());
        secrets.removeAll(secretFields(current.get().settingsSchema()));
        if (!secrets.isEmpty()) {
            reasons.add("adds secret fields " + secrets);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** The schema locations of every {@code writeOnly: true} declaration, such as {@code /properties/apiKey}. */
    static Set<String> secretFields(JsonDocument schema) {
        Set<String> found = new TreeSet<>();
        walk(schema.asMap(), "", found);
        return found;
    }

    private static void walk(Object node, String path, Set<String> found) {
        if (node instanceof Map<?, ?> object) {
            if (Boolean.TRUE.equals(object.get("writeOnly"))) {
                found.add(path.isEmpty() ? "/" : path);
            }
            object.forEach((key, value) -> walk(value, path + "/" + key, found));
        } else if (node instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "/" + i, found);
            }
        }
    }
}
