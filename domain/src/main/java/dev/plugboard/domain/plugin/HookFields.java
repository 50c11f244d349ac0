package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Set;

/**
 * Manifest fields that try to declare lifecycle hooks. A manifest cannot: hooks are Java methods of
 * a plugin's handler (an in-process plugin, or a plugin jar in {@code process} mode), found on the
 * handler itself; an external plugin (a worker) has no code on the server to call, so it has none.
 * Refused with that explanation rather than as an unknown field.
 */
final class HookFields {

    private static final Set<String> NAMES = Set.of("hooks", "lifecycle", "lifecycleHooks", "onInstall", "onConfigure",
            "onEnable", "onDisable", "onUninstall", "validate");

    private HookFields() {
    }

    static void refuse(String path, String field) {
        if (NAMES.contains(field)) {
            throw new InvalidValueException("manifest field", path, "cannot be declared in a manifest: lifecycle hooks"
                    + " are Java methods of the plugin's handler (in-process plugins and plugin jars), called by the server;"
                    + " an external plugin (a worker) runs no code on the server, so it has no hooks"
                    + " (see docs/catalog.md, Lifecycle hooks)");
        }
    }
}
