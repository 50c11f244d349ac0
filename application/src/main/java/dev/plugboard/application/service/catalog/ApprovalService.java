package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.approval.PluginApprovalException;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.PluginNotFoundException;

import java.util.List;
import java.util.Optional;

/** Lists held plugin versions and records administrators' decisions on them, each audited on the plugin. */
public final class ApprovalService implements ApprovePluginsUseCase {

    private final PluginApprovalRepository approvals;
    private final AuditTrail audit;
    private final TimeSource clock;

    public ApprovalService(PluginApprovalRepository approvals, AuditTrail audit, TimeSource clock) {
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<PluginApproval> approvals(Optional<PluginApproval.Status> status) {
        return approvals.findAll(status);
    }

    @Override
    public PluginApproval decide(DecideCommand command) {
        String name = command.plugin().value();
        AuditAction action = command.approve() ? AuditAction.PLUGIN_APPROVED : AuditAction.PLUGIN_REJECTED;
        return audit.perform(command.actor(), action, AuditEntry.pluginTarget(name), () -> {
            PluginApproval held = approvals.latest(command.plugin()).orElseThrow(() -> new PluginNotFoundException(name));
            PluginApproval decided = held.decide(command.approve(), command.actor().toString(), clock.now());
            approvals.save(decided);
            audit.success(command.actor(), action, AuditEntry.pluginTarget(name), null, null, "version " + held.version()
                    + " (" + held.reason() + ") " + decided.status().wireName()
                    + (command.approve() ? "; the next sync applies it" : "; it is never applied"));
            return decided;
        });
    }

    /** Why an install of a plugin that is not in the catalog is refused: held for approval, rejected, or unknown. */
    public static RuntimeException notInCatalog(PluginApprovalRepository approvals, dev.plugboard.domain.plugin.PluginName plugin) {
        return approvals.latest(plugin).filter(held -> held.status() != PluginApproval.Status.APPROVED)
                .<RuntimeException>map(PluginApprovalException::refusingInstall)
                .orElseGet(() -> new PluginNotFoundException(plugin.value()));
    }
}
