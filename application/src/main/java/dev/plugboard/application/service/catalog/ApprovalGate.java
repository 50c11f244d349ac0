package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.Action;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.application.service.catalog.SyncPlanner.Step;
import dev.plugboard.domain.approval.ApprovalNeed;
import dev.plugboard.domain.approval.NewPluginsPolicy;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@code plugboard.catalog.new-plugins} to a sync plan's lines: under {@code disabled} a new
 * plugin is added switched off; under {@code pending-approval} a new plugin, or a version that adds
 * capabilities or secret fields, is held (the catalog keeps its approved version) until an
 * administrator approves it. Builtins ship with Plugboard and are never held.
 */
final class ApprovalGate {

    private final NewPluginsPolicy policy;
    private final PluginApprovalRepository approvals;

    ApprovalGate(NewPluginsPolicy policy, PluginApprovalRepository approvals) {
        this.policy = policy;
        this.approvals = approvals;
    }

    /** The line as the policy lets it apply; a real sync ({@code record}) stores the request of a held one. */
    Step apply(PluginManifest manifest, Step step, boolean record, Instant now) {
        if (!step.change().applies() || manifest.source() == PluginSource.BUILTIN || policy == NewPluginsPolicy.ENABLED) {
            return step;
        }
        if (policy == NewPluginsPolicy.DISABLED) {
            return step.change().action() != Action.ADDED ? step : new Step(noted(step.change(),
                    "added switched off (plugboard.catalog.new-plugins: disabled); enable it with `plugboard plugins enable "
                            + manifest.name() + "`"), step.before(), step.after().map(plugin -> plugin.disable(now)));
        }
        Optional<String> need = ApprovalNeed.of(manifest, step.before().map(Plugin::manifest));
        if (need.isEmpty()) {
            return step;
        }
        Optional<PluginApproval> decided = approvals.find(manifest.name(), manifest.version());
        if (decided.isPresent() && decided.get().status() == PluginApproval.Status.APPROVED) {
            return new Step(noted(step.change(), "approved by " + decided.get().decidedBy().orElse("an administrator")),
                    step.before(), step.after());
        }
        if (decided.isEmpty() && record) {
            approvals.save(PluginApproval.requested(manifest.name(), manifest.version(), need.get(), now));
        }
        String name = manifest.name().value();
        String refusal = decided.isPresent() && decided.get().status() == PluginApproval.Status.REJECTED
                ? "version " + manifest.version() + " was rejected by an administrator (" + need.get() + ")"
                : "waiting for an administrator's approval (" + need.get() + "): `plugboard plugins approve " + name
                + "` (POST /api/admin/plugins/" + name + "/approve), then sync"
                + step.before().map(old -> "; version " + old.version() + " keeps serving").orElse("");
        PlannedChange held = step.change();
        return new Step(new PlannedChange(held.plugin(), held.action(), held.source(), held.fromVersion(), held.toVersion(),
                held.schemaChanged(), Optional.of(refusal), List.of()), step.before(), Optional.empty());
    }

    private static PlannedChange noted(PlannedChange change, String note) {
        List<String> notes = new ArrayList<>(change.notes());
        notes.add(note);
        return new PlannedChange(change.plugin(), change.action(), change.source(), change.fromVersion(), change.toVersion(),
                change.schemaChanged(), change.refusal(), notes, change.impact());
    }
}
