package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

/** The owner switched this installation off, so it cannot run. */
public final class InstallationDisabledException extends InstallationException {

    private static final long serialVersionUID = 1L;

    public InstallationDisabledException(Owner owner, String plugin) {
        super("plugin '" + plugin + "' is switched off for " + owner + "; toggle it on first", owner, plugin);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "installation_disabled";
    }
}
