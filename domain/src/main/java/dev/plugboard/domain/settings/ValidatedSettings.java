package dev.plugboard.domain.settings;

/**
 * Settings that passed their plugin's schema, defaults applied. Only the settings policy makes
 * them, so an installation can demand proof that its settings were checked.
 */
public final class ValidatedSettings {

    private final String plugin;
    private final JsonDocument value;

    ValidatedSettings(String plugin, JsonDocument value) {
        this.plugin = plugin;
        this.value = value;
    }

    public String plugin() {
        return plugin;
    }

    public JsonDocument value() {
        return value;
    }

    /** The form to store: the values at {@code secretPointers} sealed, the rest visible. */
    public SealedSettings seal(java.util.Set<String> secretPointers, SecretSealer sealer) {
        return SealedSettings.seal(plugin, value, secretPointers, sealer);
    }

    @Override
    public String toString() {
        return "ValidatedSettings[" + plugin + "]";
    }
}
