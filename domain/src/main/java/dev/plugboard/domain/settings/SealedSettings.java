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
        Map<String, String> sealed = new TreeMap<>();
        Map<String, Object> hidden = new TreeMap<>();
        for (String pointer : secretPointers) {
            Object value = settings.at(pointer).orElse(null);
            if (value != null) {
                sealed.put(pointer, sealer.seal(pointer, JsonCodec.writeValue(value)));
                hidden.put(pointer, SettingsPolicy.REDACTED);
            }
        }
        return new SealedSettings(plugin, settings.replaceAllAt(hidden), SealedSecrets.of(sealed));
    }

    /**
     * Seals the values at {@code secretPointers} that a stored document still holds in plain text
     * (written by a version that did not encrypt secrets); values already sealed stay as they are.
     */
    public static SealedSettings sealPlainText(String plugin, JsonDocument visible, SealedSecrets secrets,
                                               Set<String> secretPointers, SecretSealer sealer) {
        Map<String, String> sealed = new TreeMap<>(secrets.asMap());
        Map<String, Object> hidden = new TreeMap<>();
        for (String pointer : secretPointers) {
            Object value = visible.at(pointer).orElse(null);
            if (value != null && !SettingsPolicy.REDACTED.equals(value) && !sealed.containsKey(pointer)) {
                sealed.put(pointer, sealer.seal(pointer, JsonCodec.writeValue(value)));
                hidden.put(pointer, SettingsPolicy.REDACTED);
            }
        }
        return new SealedSettings(plugin, visible.replaceAllAt(hidden), SealedSecrets.of(sealed));
    }

    /** The settings in clear: each sealed secret opened back into its place. */
    public static JsonDocument open(JsonDocument visible, SealedSecrets secrets, SecretSealer sealer) {
        return open(visible, secrets, sealer, pointer -> true);
    }

    /** The settings with the sealed secrets that {@code which} names opened; the others still read (set). */
    public static JsonDocument open(JsonDocument visible, SealedSecrets secrets, SecretSealer sealer,
                                    java.util.function.Predicate<String> which) {
        Map<String, Object> opened = new TreeMap<>();
        for (Map.Entry<String, String> secret : secrets.asMap().entrySet()) {
            if (which.test(secret.getKey()) && visible.at(secret.getKey()).isPresent()) {
                opened.put(secret.getKey(), JsonCodec.readValue(sealer.open(secret.getKey(), secret.getValue())));
            }
        }
        return visible.replaceAllAt(opened);
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
