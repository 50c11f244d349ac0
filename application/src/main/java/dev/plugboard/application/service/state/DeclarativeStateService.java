package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.installation.InstallationService;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.domain.settings.SettingsPolicy;

/** Export and apply of Plugboard's declarative state (see {@link DeclarativeStateUseCase}). */
public final class DeclarativeStateService implements DeclarativeStateUseCase {

    private final StateExport exporting;
    private final StateApply applying;

    public DeclarativeStateService(PluginRepository plugins, InstallationRepository installations,
                                   InstallationService installing, SwitchPluginUseCase switching, SettingsPolicy policy,
                                   SettingsVault vault, AuditTrail audit) {
        this.exporting = new StateExport(plugins, installations);
        this.applying = new StateApply(plugins, installations, installing, switching, policy, vault, audit);
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
