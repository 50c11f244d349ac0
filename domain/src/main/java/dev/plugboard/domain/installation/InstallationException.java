package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.owner.Owner;

import java.util.Map;

/** An error about one owner's installation of one plugin; carries both so adapters can say which. */
public abstract class InstallationException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final Owner owner;
    private final String plugin;

    protected InstallationException(String message, Owner owner, String plugin) {
        super(message);
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
    public Map<String, Object> details() {
        return Map.of("owner", owner.toString(), "plugin", plugin);
    }
}
