package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

/** The owner has not installed this plugin (another owner's installation is reported the same way). */
public final class InstallationNotFoundException extends InstallationException {

    private static final long serialVersionUID = 1L;

    public InstallationNotFoundException(Owner owner, String plugin) {
        super("plugin '" + plugin + "' is not installed for " + owner + "; install it first", owner, plugin);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String code() {
        return "installation_not_found";
    }
}
