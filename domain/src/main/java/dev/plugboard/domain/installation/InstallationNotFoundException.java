package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

import java.util.Map;

/** The owner has not installed this plugin (another owner's installation is reported the same way). */
public final class InstallationNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final Owner owner;
    private final String plugin;

    public InstallationNotFoundException(Owner owner, String plugin) {
        super("plugin '" + plugin + "' is not installed for " + owner + "; install it first");
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
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String code() {
        return "installation_not_found";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("owner", owner.toString(), "plugin", plugin);
    }
}
