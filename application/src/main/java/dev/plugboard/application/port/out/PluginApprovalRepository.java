package dev.plugboard.application.port.out;

import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.SemanticVersion;

import java.util.List;
import java.util.Optional;

/** Plugin versions held for approval, and the decisions on them: one row per plugin and version. */
public interface PluginApprovalRepository {

    Optional<PluginApproval> find(PluginName plugin, SemanticVersion version);

    /** The most recently requested version of the plugin, whatever its status. */
    Optional<PluginApproval> latest(PluginName plugin);

    /** Every held version, or only those of {@code status}, oldest request first. */
    List<PluginApproval> findAll(Optional<PluginApproval.Status> status);

    /** Stores a new request, or the decision on an existing one (same plugin and version). */
    void save(PluginApproval approval);
}
