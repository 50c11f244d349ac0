package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** The plugin is switched off for everyone by an administrator, so it cannot be installed or run. */
public final class PluginDisabledException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;

    public PluginDisabledException(String plugin) {
        super("plugin '" + plugin + "' is disabled by an administrator; ask one to enable it");
        this.plugin = plugin;
    }

    public String plugin() {
        return plugin;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "plugin_disabled";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin);
    }
}
