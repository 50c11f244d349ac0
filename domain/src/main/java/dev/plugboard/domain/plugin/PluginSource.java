package dev.plugboard.domain.plugin;

import java.util.Optional;

/**
 * Where a plugin's manifest came from, and so who may change it: a source updates only its own
 * plugins, unless an operator forces a takeover; a builtin is never replaced.
 */
public enum PluginSource {
    /** Shipped inside the application, described by a handler's own metadata. */
    BUILTIN("builtin"),
    /** Found as {@code plugins/<name>/plugin.yaml} in the plugins directory. */
    MANIFEST_DIRECTORY("directory"),
    /** Registered by an administrator through the API or the CLI. */
    REGISTERED("api");

    private final String owner;

    PluginSource(String owner) {
        this.owner = owner;
    }

    /** The source as the sync plan and docs name it: {@code builtin}, {@code directory} or {@code api}. */
    public String owner() {
        return owner;
    }

    /**
     * Why a manifest from {@code incoming} may not replace this source's plugin {@code plugin}, or
     * empty when it may: the same source, or a forced takeover of anything but a builtin.
     */
    public Optional<String> refusesReplacementBy(PluginSource incoming, String plugin, boolean force) {
        if (incoming == this) {
            return Optional.empty();
        }
        if (this == BUILTIN) {
            return Optional.of("'" + plugin + "' is a builtin plugin; a builtin is never replaced by a " + incoming.owner
                    + " manifest: give yours another name");
        }
        if (!force) {
            return Optional.of("'" + plugin + "' belongs to the " + owner + " source; a " + incoming.owner
                    + " manifest replaces it only when forced (--force, or force=true over REST)");
        }
        return Optional.empty();
    }
}
