package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

import java.util.Map;

/** The owner already has this plugin installed; installations are unique per owner and plugin. */
public final class PluginAlreadyInstalledException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final Owner owner;
    private final String plugin;

    public PluginAlreadyInstalledException(Owner owner, String plugin) {
        super("plugin '" + plugin + "' is already installed for " + owner + "; configure or toggle it instead");
        this.owner = owner;
        this.plugin = plugin;
    }

    public Owner owner() {
        return owner;
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
        return "plugin_already_installed";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("owner", owner.toString(), "plugin", plugin);
    }
}
