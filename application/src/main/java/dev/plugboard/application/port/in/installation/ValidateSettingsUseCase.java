package dev.plugboard.application.port.in.installation;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;

import java.util.List;
import java.util.Optional;

/** A dry run: checks settings against a plugin's schema and saves nothing. */
public interface ValidateSettingsUseCase {

    record ValidateSettingsCommand(PluginName plugin, JsonDocument settings) {
        public ValidateSettingsCommand {
            Require.present("plugin", plugin);
            Require.present("settings", settings);
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
