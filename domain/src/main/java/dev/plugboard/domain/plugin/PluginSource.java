package dev.plugboard.domain.plugin;

/** Where a plugin's manifest came from. */
public enum PluginSource {
    /** Shipped inside the application, described by a handler's own metadata. */
    BUILTIN,
    /** Found as {@code plugins/<name>/plugin.yaml} in the plugins directory. */
    MANIFEST_DIRECTORY,
    /** Registered by an administrator through the API or the CLI. */
    REGISTERED
}
