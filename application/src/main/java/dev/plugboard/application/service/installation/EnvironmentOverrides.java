package dev.plugboard.application.service.installation;

import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.InstallationRepository.WithOverrides;
import dev.plugboard.application.service.secret.SettingsVault;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.MergePatch;
import dev.plugboard.domain.settings.SecretSealer;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.SettingsUpdate;
import dev.plugboard.domain.settings.SettingsValidation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An installation's per-environment settings overrides: a new override is merged over the stored
 * one as base settings are, then the base settings with it over them are validated as a whole (by the
 * schema, then by the plugin's {@code validate} hook, as base settings are);
 * its secrets are sealed with the environment in their scope. A base change is checked against
 * every stored override too, so no environment is left with settings that break the schema. The
 * stored overrides come with the installation ({@link InstallationRepository#findWithOverrides}),
 * read in the same query.
 */
final class EnvironmentOverrides {

    private final SettingsPolicy policy;
    private final SettingsVault vault;
    private final LifecycleHooks hooks;

    EnvironmentOverrides(SettingsPolicy policy, SettingsVault vault, LifecycleHooks hooks) {
        this.policy = policy;
        this.vault = vault;
        this.hooks = hooks;
    }

    /**
     * The override {@code patch} makes for {@code environment}, sealed.
     *
     * @throws InvalidSettingsException naming every violation of the whole settings
     */
    SettingsOverride propose(SettingsSpec spec, WithOverrides read, Environment environment, JsonDocument patch) {
        Installation installation = read.installation();
        Optional<SettingsOverride> stored = Optional.ofNullable(read.overrides().get(environment));
        SecretSealer sealer = vault.sealerFor(installation.id(), environment);
        JsonDocument storedInClear = stored.map(o -> o.inClear(sealer)).orElse(JsonDocument.empty());
        Set<String> storedSecrets = stored.map(o -> o.secrets().pointers()).orElse(Set.of());
        JsonDocument next = SettingsUpdate.propose(policy, spec, storedInClear, storedSecrets, patch);
        Set<String> keptSecret = new HashSet<>(installation.secrets().pointers());
        keptSecret.addAll(storedSecrets);
        SettingsValidation whole = hooks.withHookProblems(
                policy.validate(spec, MergePatch.apply(vault.inClear(installation), next), keptSecret));
        if (!whole.isValid()) {
            throw InvalidSettingsException.inEnvironment(spec.plugin(), environment.name(), whole.violations());
        }
        Set<String> secretsHere = whole.secretPointers().stream().filter(pointer -> next.at(pointer).isPresent())
                .collect(Collectors.toSet());
        return SettingsOverride.seal(spec.plugin(), environment, next, secretsHere, sealer);
    }

    /** @throws InvalidSettingsException when new base settings (in clear) break an environment's whole settings */
    void requireStillValid(SettingsSpec spec, WithOverrides read, JsonDocument newBaseInClear) {
        Installation installation = read.installation();
        read.overrides().forEach((environment, override) -> {
            JsonDocument overrideInClear = override.inClear(vault.sealerFor(installation.id(), environment));
            SettingsValidation whole = policy.validate(spec, MergePatch.apply(newBaseInClear, overrideInClear),
                    installation.secrets().pointers());
            if (!whole.isValid()) {
                throw InvalidSettingsException.inEnvironment(spec.plugin(), environment.name(), whole.violations());
            }
        });
    }

    /** The {@code stored} overrides once {@code after} is stored: an empty override removes its environment's. */
    static Map<Environment, SettingsOverride> with(Map<Environment, SettingsOverride> stored, SettingsOverride after) {
        Map<Environment, SettingsOverride> next = new HashMap<>(stored);
        if (after.isEmpty()) {
            next.remove(after.environment());
        } else {
            next.put(after.environment(), after);
        }
        return next;
    }

    /** {@code view} showing {@code environment}'s whole settings (secrets read (set)) and the {@code stored} overrides. */
    InstallationView shown(InstallationView view, Map<Environment, SettingsOverride> stored, Environment environment) {
        Map<String, JsonDocument> visible = new TreeMap<>();
        stored.forEach((name, override) -> visible.put(name.name(), override.visible()));
        Optional<SettingsOverride> override = Optional.ofNullable(stored.get(environment));
        if (environment.isDefault() || override.isEmpty()) {
            return view.inEnvironment(environment, view.settings(), view.secretsSet(), visible);
        }
        Set<String> secrets = new HashSet<>(view.secretsSet());
        secrets.addAll(override.get().secrets().pointers());
        return view.inEnvironment(environment, MergePatch.apply(view.settings(), override.get().visible()), secrets, visible);
    }
}
