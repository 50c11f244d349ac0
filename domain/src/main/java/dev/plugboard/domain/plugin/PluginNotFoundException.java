package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** No plugin of this name is in the catalog. */
public final class PluginNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;

    public PluginNotFoundException(String plugin) {
        super("plugin '" + plugin + "' is not in the catalog; list the catalog to see the available names");
        this.plugin = plugin;
    }

    public String plugin() {
        return plugin;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String code() {
        return "plugin_not_found";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin);
    }
}
