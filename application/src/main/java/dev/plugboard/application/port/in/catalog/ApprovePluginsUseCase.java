package dev.plugboard.application.port.in.catalog;

import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;

import java.util.List;
import java.util.Optional;

/**
 * An administrator's view of the plugin versions held under {@code plugboard.catalog.new-plugins:
 * pending-approval}, and the decision on the one waiting for a plugin. An approved version is
 * applied by the next sync; a rejected one is never applied.
 */
public interface ApprovePluginsUseCase {

    record DecideCommand(Actor actor, PluginName plugin, boolean approve) {
        public DecideCommand {
            Require.present("actor", actor);
            Require.present("plugin", plugin);
        }
    }

    /** Every held version, or only those of {@code status}, oldest first. */
    List<PluginApproval> approvals(Optional<PluginApproval.Status> status);

    /** Decides the plugin's version that waits; audited. */
    PluginApproval decide(DecideCommand command);
}
