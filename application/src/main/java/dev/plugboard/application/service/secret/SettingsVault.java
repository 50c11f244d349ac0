package dev.plugboard.application.service.secret;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.application.port.out.SecretCipher.SecretScope;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.settings.MergePatch;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SecretSealer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where secret settings are sealed and opened: each value with its installation and pointer as
 * associated data. Settings are opened in clear for two purposes only: handing them to the plugin
 * that runs (in-process or on a worker), and re-checking kept secrets when an owner changes settings.
 * A run gets the base settings with the overrides of this process's environment merged over them.
 */
public final class SettingsVault {

    private final SecretCipher cipher;
    private final Environment environment;
    private final Function<UUID, Map<Environment, SettingsOverride>> overrides;

    /** A vault for the default environment, where runs use the base settings alone. */
    public SettingsVault(SecretCipher cipher) {
        this(cipher, Environment.DEFAULT, installation -> Map.of());
    }

    public SettingsVault(SecretCipher cipher, Environment environment, InstallationRepository installations) {
        this(cipher, environment, installations::overrides);
    }

    private SettingsVault(SecretCipher cipher, Environment environment,
                          Function<UUID, Map<Environment, SettingsOverride>> overrides) {
        this.cipher = cipher;
        this.environment = environment;
        this.overrides = overrides;
    }

    /** The environment this process runs in. */
    public Environment environment() {
        return environment;
    }

    /**
     * Seals and opens the secrets of one installation's override for {@code environment}: the
     * environment is part of each value's scope, so neither base nor another environment's value opens here.
     */
    public SecretSealer sealerFor(UUID installation, Environment environment) {
        SecretSealer base = sealerFor(installation);
        String prefix = "@" + environment.name();
        return new SecretSealer() {
            @Override
            public String seal(String pointer, String valueJson) {
                return base.seal(prefix + pointer, valueJson);
            }

            @Override
            public String open(String pointer, String sealed) {
                return base.open(prefix + pointer, sealed);
            }
        };
    }

    /** The whole settings of an environment in clear: the base's with the override merged over them. */
    public JsonDocument inClear(Installation installation, Optional<SettingsOverride> override) {
        JsonDocument base = inClear(installation);
        return override.map(o -> MergePatch.apply(base, o.inClear(sealerFor(installation.id(), o.environment()))))
                .orElse(base);
    }

    /** Seals and opens the secrets of one installation. */
    public SecretSealer sealerFor(UUID installation) {
        return new SecretSealer() {
            @Override
            public String seal(String pointer, String valueJson) {
                return cipher.seal(valueJson, new SecretScope(installation, pointer));
            }

            @Override
            public String open(String pointer, String sealed) {
                return cipher.open(sealed, new SecretScope(installation, pointer));
            }
        };
    }

    /** The installation's settings with every secret opened. */
    public JsonDocument inClear(Installation installation) {
        return installation.settingsInClear(sealerFor(installation.id()));
    }

    /** The installation's settings with only the secrets at the pointers {@code which} accepts opened. */
    public JsonDocument inClear(Installation installation, java.util.function.Predicate<String> which) {
        return SealedSettings.open(installation.settings(), installation.secrets(), sealerFor(installation.id()), which);
    }

    /**
     * The settings a run executes with: the installation's, secrets in clear, with the override of
     * the run's environment (that of the process that started it, recorded with the run) and then the
     * run's own overlay (a workflow step's static config) merged over them.
     */
    public JsonDocument forRun(Installation installation, dev.plugboard.domain.run.PluginRun run) {
        Environment runIn = run.environment();
        Optional<SettingsOverride> override = runIn.isDefault() ? Optional.empty()
                : Optional.ofNullable(overrides.apply(installation.id()).get(runIn));
        return inClear(installation, override).mergedWith(run.settingsOverlay());
    }

    public SecretCipher cipher() {
        return cipher;
    }
}
