package dev.plugboard.domain.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.plugboard.domain.error.InvalidValueException;

/**
 * What an owner's update proposes, before validation: the update is a JSON Merge Patch (RFC 7396)
 * over the stored settings, so an omitted field keeps its value and {@code null} removes it,
 * secrets included. A {@value SettingsPolicy#REDACTED} placeholder copied from a view keeps the
 * stored secret, and is dropped where no secret is stored: it is never saved as the secret itself.
 * Install, update and the dry run all go through here, so they always agree.
 */
public final class SettingsUpdate {

    private SettingsUpdate() {
    }

    /**
     * @param stored        the stored settings in clear (empty for a new installation)
     * @param storedSecrets the pointers stored as secrets, which stay secret whatever the schema says now
     * @param patch         what the owner sent
     */
    public static JsonDocument propose(SettingsPolicy policy, SettingsSpec spec, JsonDocument stored,
                                       Set<String> storedSecrets, JsonDocument patch) {
        JsonDocument merged = MergePatch.apply(stored, patch);
        Set<String> secrets = new HashSet<>(policy.secretPointers(spec, merged));
        secrets.addAll(storedSecrets);
        List<String> placeholders = new ArrayList<>();
        collectPlaceholders(merged.asMap(), "", placeholders);
        for (String pointer : placeholders) {
            if (!secrets.contains(pointer)) {
                continue;
            }
            Object kept = storedSecrets.contains(pointer) ? stored.at(pointer).orElse(null) : null;
            if (kept != null) {
                merged = merged.replaceAt(pointer, kept);
                continue;
            }
            JsonDocument dropped = merged.removeAt(pointer);
            if (dropped == merged) { // an array element cannot be dropped without moving the others
                throw new InvalidValueException("settings" + pointer, SettingsPolicy.REDACTED,
                        "stands for a stored secret, and none is stored there; send the secret's value");
            }
            merged = dropped;
        }
        return merged;
    }

    private static void collectPlaceholders(Object node, String pointer, List<String> found) {
        if (SettingsPolicy.REDACTED.equals(node)) {
            found.add(pointer);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectPlaceholders(value, JsonPointers.child(pointer, (String) key), found));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectPlaceholders(list.get(i), pointer + "/" + i, found);
            }
        }
    }
}
