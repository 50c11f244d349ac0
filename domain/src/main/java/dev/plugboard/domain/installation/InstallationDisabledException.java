package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

import java.util.Map;

/** The owner switched this installation off, so it cannot run. */
public final class InstallationDisabledException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final Owner owner;
    private final String plugin;

    public InstallationDisabledException(Owner owner, String plugin) {
        super("plugin '" + plugin + "' is switched off for " + owner + "; toggle it on first");
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
        return "installation_disabled";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("owner", owner.toString(), "plugin", plugin);
    }
}
