package dev.plugboard.application.service.installation;

import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.LinkedHashMap;
import java.util.Map;

/** How an installation is shown to its owner and recorded in the audit: never a secret in clear, nor a ciphertext. */
final class InstallationStates {

    private InstallationStates() {
    }

    /** Stored settings hold no secret in clear: secrets are sealed apart, and read (set) here. */
    static InstallationView view(Plugin plugin, Installation installation) {
        return InstallationView.of(installation, installation.settings(), installation.secrets().pointers(),
                plugin.isEnabled(), plugin.version().toString());
    }

    /** The audited state of an installation. */
    static JsonDocument audited(Installation installation) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", installation.isEnabled());
        state.put("settings", installation.settings().asMap());
        return JsonDocument.of(state);
    }
}
