package dev.plugboard.application.port.in.installation;

import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.owner.Owner;

import java.util.List;

/** An owner's installations, by plugin name. */
public interface ListInstallationsUseCase {

    List<InstallationView> listInstallations(Owner owner);

    /** @throws dev.plugboard.domain.installation.InstallationNotFoundException when the owner has not installed it */
    InstallationView getInstallation(Owner owner, String plugin);

    /**
     * The installation showing {@code environment}'s whole settings (the base's with its override
     * merged over them) and every environment's stored override.
     */
    default InstallationView getInstallation(Owner owner, String plugin, Environment environment) {
        return getInstallation(owner, plugin);
    }
}
