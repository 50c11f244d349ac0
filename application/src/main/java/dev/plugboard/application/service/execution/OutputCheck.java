package dev.plugboard.application.service.execution;

import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one rule for a run's output, wherever it ran: output that breaks the manifest's output schema fails the run for good. */
final class OutputCheck {

    private OutputCheck() {
    }

    /** {@code OUTPUT_INVALID} with every violation after {@code whose} (what broke the schema), or empty when fine. */
    static Optional<RunError> violation(SettingsPolicy policy, PluginManifest manifest, JsonDocument output, String whose) {
        if (manifest.outputSchema().isEmpty()) {
            return Optional.empty();
        }
        List<Violation> violations = policy.violationsOf(manifest.name().value(), manifest.version().toString(),
                "output", manifest.outputSchema().get(), output);
        return violations.isEmpty() ? Optional.empty() : Optional.of(new RunError("OUTPUT_INVALID", whose + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "))));
    }
}
