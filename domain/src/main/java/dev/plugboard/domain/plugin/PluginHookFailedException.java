package dev.plugboard.domain.plugin;

import java.util.Map;

/**
 * A plugin's lifecycle hook ({@code validate}, {@code onInstall}, {@code onConfigure}, {@code onEnable})
 * threw or did not answer in time, so the operation it guards was refused and nothing changed (409).
 */
public final class PluginHookFailedException extends PluginConflictException {

    private static final long serialVersionUID = 1L;
    public static final String CODE = "PLUGIN_HOOK_FAILED";

    public PluginHookFailedException(String plugin, String hook, String reason) {
        super(plugin, CODE, "plugin " + plugin + ": its " + hook + " hook failed (" + reason + "), so nothing was changed;"
                + " try again, or ask the plugin's maintainer (its host log has the details)", Map.of("hook", hook));
    }
}
