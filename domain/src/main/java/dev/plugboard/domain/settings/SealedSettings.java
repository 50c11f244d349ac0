package dev.plugboard.domain.settings;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validated settings as they are stored: the visible document, where each secret reads
 * {@value SettingsPolicy#REDACTED}, and the secrets themselves, sealed one by one. Only
 * {@link ValidatedSettings#seal} makes them, so stored settings have always passed their schema.
 */
public final class SealedSettings {

    private final String plugin;
    private final JsonDocument visible;
    private final SealedSecrets secrets;

    private SealedSettings(String plugin, JsonDocument visible, SealedSecrets secrets) {
        this.plugin = plugin;
        this.visible = visible;
        this.secrets = secrets;
    }

    static SealedSettings seal(String plugin, JsonDocument settings, Set<String> secretPointers, SecretSealer sealer) {
        JsonDocument visible = settings;
        Map<String, String> sealed = new TreeMap<>();
        for (String pointer : secretPointers) {
            Object value = settings.at(pointer).orElse(null);
            if (value != null) {
                sealed.put(pointer, sealer.seal(pointer, JsonCodec.writeValue(value)));
                visible = visible.replaceAt(pointer, SettingsPolicy.REDACTED);
            }
        }
        return new SealedSettings(plugin, visible, SealedSecrets.of(sealed));
    }

    /**
     * Seals the values at {@code secretPointers} that a stored document still holds in plain text
     * (written by a version that did not encrypt secrets); values already sealed stay as they are.
     */
    public static SealedSettings sealPlainText(String plugin, JsonDocument visible, SealedSecrets secrets,
                                               Set<String> secretPointers, SecretSealer sealer) {
        JsonDocument next = visible;
        Map<String, String> sealed = new TreeMap<>(secrets.asMap());
        for (String pointer : secretPointers) {
            Object value = visible.at(pointer).orElse(null);
            if (value != null && !SettingsPolicy.REDACTED.equals(value) && !sealed.containsKey(pointer)) {
                sealed.put(pointer, sealer.seal(pointer, JsonCodec.writeValue(value)));
                next = next.replaceAt(pointer, SettingsPolicy.REDACTED);
            }
        }
        return new SealedSettings(plugin, next, SealedSecrets.of(sealed));
    }

    /** The settings in clear: each sealed secret opened back into its place. */
    public static JsonDocument open(JsonDocument visible, SealedSecrets secrets, SecretSealer sealer) {
        JsonDocument clear = visible;
        for (Map.Entry<String, String> secret : secrets.asMap().entrySet()) {
            if (clear.at(secret.getKey()).isPresent()) {
                clear = clear.replaceAt(secret.getKey(), JsonCodec.readValue(sealer.open(secret.getKey(), secret.getValue())));
            }
        }
        return clear;
    }

    public String plugin() {
        return plugin;
    }

    /** Safe to show, log and audit: secrets read {@value SettingsPolicy#REDACTED}. */
    public JsonDocument visible() {
        return visible;
    }

    public SealedSecrets secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return "SealedSettings[" + plugin + ", " + secrets + "]";
    }
}
