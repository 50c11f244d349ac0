package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.List;
import java.util.Map;

/** Settings broke the plugin's schema; carries every violation, so callers can fix them all at once. */
public final class InvalidSettingsException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;
    private final transient List<Violation> violations;
    private final String code;

    public InvalidSettingsException(String plugin, List<Violation> violations) {
        this(SettingsValidation.summarise(violations.stream().sorted().toList()), plugin, violations, "invalid_settings");
    }

    private InvalidSettingsException(String message, String plugin, List<Violation> violations, String code) {
        super(message);
        this.plugin = plugin;
        this.violations = violations.stream().sorted().toList();
        this.code = code;
    }

    /**
     * Stored settings that a new settings schema broke (the installation needs attention): code
     * {@code SETTINGS_INVALID}, with the violations stored when the schema changed.
     */
    public static InvalidSettingsException storedSettingsInvalid(String owner, String plugin, List<Violation> violations) {
        return new InvalidSettingsException("the settings of plugin " + plugin + " for " + owner
                + " no longer satisfy its settings schema (it changed); the owner must save valid settings"
                + " (PUT /api/user/plugins/" + plugin + "/config or `plugboard installs configure`) before it runs: "
                + SettingsValidation.summarise(violations.stream().sorted().toList()), plugin, violations, SETTINGS_INVALID);
    }

    /**
     * The base settings with an environment's override merged over them break the schema: the
     * override, or a base change under an existing override, is refused (code {@code invalid_settings}).
     */
    public static InvalidSettingsException inEnvironment(String plugin, String environment, List<Violation> violations) {
        return new InvalidSettingsException("in environment '" + environment + "' (the base settings with its override)"
                + " the " + SettingsValidation.summarise(violations.stream().sorted().toList())
                + "; change the override (?environment=" + environment + ") or the base settings so that together they"
                + " satisfy the settings schema", plugin, violations, "invalid_settings");
    }

    /** The code of runs refused because their installation's stored settings no longer validate. */
    public static final String SETTINGS_INVALID = "SETTINGS_INVALID";

    public String plugin() {
        return plugin;
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_SETTINGS;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin, "violations", violations);
    }
}
