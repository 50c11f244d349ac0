package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.installation.InstallationService;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.application.service.workflow.Workflows;
import dev.plugboard.domain.settings.SettingsPolicy;

/** Export and apply of Plugboard's declarative state (see {@link DeclarativeStateUseCase}). */
public final class DeclarativeStateService implements DeclarativeStateUseCase {

    private final StateExport exporting;
    private final StateApply applying;

    /** @param workflows null when this Plugboard has no workflow language (the state then has no workflows) */
    public DeclarativeStateService(PluginRepository plugins, InstallationRepository installations,
                                   InstallationService installing, SwitchPluginUseCase switching, SettingsPolicy policy,
                                   SettingsVault vault, AuditTrail audit, WorkflowRepository workflowRepository,
                                   Workflows workflows) {
        StateWorkflows stateWorkflows = new StateWorkflows(workflowRepository, workflows);
        this.exporting = new StateExport(plugins, installations, stateWorkflows);
        this.applying = new StateApply(plugins, installations, installing, switching, policy, vault, audit,
                stateWorkflows);
    }

    @Override
    public Exported export(ExportCommand command) {
        return exporting.export(command);
    }

    @Override
    public ApplyReport apply(ApplyCommand command) {
        return applying.apply(command);
    }
}
