package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

/** The owner already has this plugin installed; installations are unique per owner and plugin. */
public final class PluginAlreadyInstalledException extends InstallationException {

    private static final long serialVersionUID = 1L;

    public PluginAlreadyInstalledException(Owner owner, String plugin) {
        super("plugin '" + plugin + "' is already installed for " + owner + "; configure or toggle it instead", owner, plugin);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "plugin_already_installed";
    }
}
