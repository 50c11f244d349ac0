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

    public InvalidSettingsException(String plugin, List<Violation> violations) {
        super(SettingsValidation.summarise(violations.stream().sorted().toList()));
        this.plugin = plugin;
        this.violations = violations.stream().sorted().toList();
    }

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
        return "invalid_settings";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin, "violations", violations);
    }
}
