package dev.plugboard.domain.approval;

import dev.plugboard.domain.plugin.PluginConflictException;

import java.util.Map;

/**
 * The catalog's approval stands in the way (409): a plugin waiting for approval or rejected takes no
 * installs, and a decided version cannot be decided again.
 */
public final class PluginApprovalException extends PluginConflictException {

    private static final long serialVersionUID = 1L;
    public static final String PENDING = "PLUGIN_PENDING_APPROVAL";
    public static final String REJECTED = "PLUGIN_REJECTED";

    PluginApprovalException(String plugin, String code, String message) {
        super(plugin, code, message, Map.of());
    }

    /** The install of a plugin that exists only as a held version. */
    public static PluginApprovalException refusingInstall(PluginApproval held) {
        String name = held.plugin().value();
        return held.status() == PluginApproval.Status.REJECTED
                ? new PluginApprovalException(name, REJECTED, "plugin " + name + " version " + held.version()
                + " was rejected by an administrator and cannot be installed")
                : new PluginApprovalException(name, PENDING, "plugin " + name + " version " + held.version()
                + " is waiting for an administrator's approval (" + held.reason() + "); it can be installed once approved"
                + " (`plugboard plugins approve " + name + "`, then `plugboard plugins sync`)");
    }
}
