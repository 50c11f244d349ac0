package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.List;
import java.util.Map;

/** Disabling this plugin would break enabled plugins that depend on it. */
public final class PluginInUseException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;
    private final transient List<String> dependents;

    public PluginInUseException(String plugin, List<String> dependents) {
        super("plugin " + plugin + " cannot be disabled: enabled plugins depend on it (" + String.join(", ", dependents)
                + "); disable those first, or force it");
        this.plugin = plugin;
        this.dependents = List.copyOf(dependents);
    }

    public String plugin() {
        return plugin;
    }

    public List<String> dependents() {
        return dependents;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "plugin_in_use";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin, "dependents", dependents);
    }
}
