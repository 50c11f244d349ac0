package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** A manifest would replace a plugin another source owns: a builtin always, any other one unless forced. */
public final class PluginOwnedElsewhereException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final String owner;

    public PluginOwnedElsewhereException(String plugin, PluginSource owner, String reason) {
        super(reason);
        this.plugin = plugin;
        this.owner = owner.owner();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin, "source", owner);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "plugin_owned_elsewhere";
    }
}
