package dev.plugboard.application.port.in.installation;

/** The installations' use cases as one handle (what {@code Plugboard.installations()} hands out). */
public interface InstallationUseCases extends InstallPluginUseCase, UninstallPluginUseCase, ConfigureInstallationUseCase,
        ToggleInstallationUseCase, ListInstallationsUseCase, ValidateSettingsUseCase {
}
