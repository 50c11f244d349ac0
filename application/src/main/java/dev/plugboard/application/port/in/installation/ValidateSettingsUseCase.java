package dev.plugboard.application.port.in.installation;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;

import java.util.List;
import java.util.Optional;

/** A dry run: checks a settings change exactly as install or update would, and saves nothing. */
public interface ValidateSettingsUseCase {

    /**
     * @param owner whose stored settings the change is merged over, as the real update would;
     *              empty (or not installed) checks the settings as an install would
     */
    record ValidateSettingsCommand(PluginName plugin, JsonDocument settings, Optional<Owner> owner) {
        public ValidateSettingsCommand {
            Require.present("plugin", plugin);
            Require.present("settings", settings);
            Require.present("owner", owner);
        }

        /** Checks settings as an install would. */
        public ValidateSettingsCommand(PluginName plugin, JsonDocument settings) {
            this(plugin, settings, Optional.empty());
        }
    }

    /** The verdict: every violation, and the settings as they would be stored (secrets redacted). */
    record ValidationReport(boolean valid, List<Violation> violations, Optional<String> summary,
                            JsonDocument effectiveSettings) {
        public ValidationReport {
            violations = List.copyOf(violations);
        }
    }

    ValidationReport validate(ValidateSettingsCommand command);
}
