package dev.plugboard.domain.settings;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of checking one settings document: the effective settings (defaults applied) and
 * every violation, or none.
 */
public record SettingsValidation(String plugin, JsonDocument effectiveSettings, List<Violation> violations,
                                 Set<String> secretPointers) {

    public SettingsValidation {
        violations = violations.stream().sorted().toList();
        secretPointers = Set.copyOf(secretPointers);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** {@code settings validation failed: /field: message; /other: message}, or empty when valid. */
    public Optional<String> summary() {
        return isValid() ? Optional.empty() : Optional.of(summarise(violations));
    }

    static String summarise(List<Violation> violations) {
        return "settings validation failed: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * This validation with {@code problems} found beyond the schema (a plugin's {@code validate} hook)
     * joined to its violations. Their messages are the plugin's own words, written by code that saw
     * every value: each secret value is masked wherever it appears in them, since they reach responses,
     * the console and the audit trail.
     */
    public SettingsValidation withProblems(List<Violation> problems) {
        if (problems.isEmpty()) {
            return this;
        }
        List<Violation> all = new java.util.ArrayList<>(violations);
        all.addAll(SecretMasking.maskEverywhere(problems, effectiveSettings, secretPointers));
        return new SettingsValidation(plugin, effectiveSettings, all, secretPointers);
    }

    /** The valid settings, or an {@link InvalidSettingsException} listing every violation. */
    public ValidatedSettings orThrow() {
        if (!isValid()) {
            throw new InvalidSettingsException(plugin, violations);
        }
        return new ValidatedSettings(plugin, effectiveSettings);
    }
}
