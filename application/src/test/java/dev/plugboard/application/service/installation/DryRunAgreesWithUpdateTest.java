package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidateSettingsCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidationReport;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run ({@code settings/validate}) and the real update agree on every change: same verdict,
 * same violations, and what the dry run says would be stored is what the update stores. Stored
 * secrets, explicit nulls, placeholders and missing required secrets are all in the mix.
 */
class DryRunAgreesWithUpdateTest {

    private static final SettingsPolicy POLICY = new SettingsPolicy();
    private static final Caller ALICE = Caller.user("alice", null);
    private static final PluginName CHAT = PluginName.of("chat");
    private static final Object ABSENT = new Object();

    private static final PluginManifest MANIFEST = PluginManifest.builder("chat", "1.0.0")
            .settingsSchema(JsonDocument.parse("""
                    {"type": "object", "additionalProperties": false,
                     "properties": {
                       "channel": {"type": "string", "pattern": "^#"},
                       "apiKey": {"type": "string", "writeOnly": true, "minLength": 8},
                       "hooks": {"type": "array", "items": {"$ref": "#/$defs/hook"}},
                       "retries": {"type": "integer", "minimum": 0, "maximum": 5, "default": 1}},
                     "dependentRequired": {"channel": ["apiKey"]},
                     "$defs": {"hook": {"type": "object", "required": ["url"],
                       "properties": {"url": {"type": "string"}, "secret": {"type": "string", "writeOnly": true}}}}}
                    """))
            .build();

    @Property(tries = 300)
    void dryRunAndUpdateAgree(@ForAll("settings") Map<String, Object> installed, @ForAll("settings") Map<String, Object> patch) {
        Plugboard plugboard = Plugboard.builder().settingsPolicy(POLICY).manifest(MANIFEST).build();
        plugboard.syncCatalog();
        try {
            plugboard.installations().install(new InstallPluginCommand(ALICE, CHAT,
                    Optional.of(JsonDocument.of(installed)), Optional.empty()));
        } catch (DomainException refused) {
            // An install refused leaves nothing: both sides then judge the patch as an install.
        }
        JsonDocument change = JsonDocument.of(patch);
        boolean installedNow = plugboard.installations().listInstallations(Owner.user("alice")).size() == 1;

        Outcome dryRun = dryRun(plugboard, change);
        Outcome real = installedNow ? configure(plugboard, change) : install(plugboard, change);

        assertThat(dryRun).isEqualTo(real);
    }

    private record Outcome(boolean valid, String violationsOrError, JsonDocument stored) {
    }

    private static Outcome dryRun(Plugboard plugboard, JsonDocument change) {
        try {
            ValidationReport report = plugboard.installations().validate(new ValidateSettingsCommand(CHAT, change,
                    Optional.of(Owner.user("alice"))));
            return report.valid() ? new Outcome(true, "", report.effectiveSettings())
                    : new Outcome(false, report.violations().toString(), null);
        } catch (DomainException e) {
            return new Outcome(false, e.code() + ": " + e.getMessage(), null);
        }
    }

    private static Outcome configure(Plugboard plugboard, JsonDocument change) {
        try {
            InstallationView view = plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, CHAT,
                    change, OptionalLong.empty()));
            return new Outcome(true, "", view.settings());
        } catch (InvalidSettingsException e) {
            return new Outcome(false, e.violations().toString(), null);
        } catch (DomainException e) {
            return new Outcome(false, e.code() + ": " + e.getMessage(), null);
        }
    }

    private static Outcome install(Plugboard plugboard, JsonDocument change) {
        try {
            InstallationView view = plugboard.installations().install(new InstallPluginCommand(ALICE, CHAT,
                    Optional.of(change), Optional.empty()));
            return new Outcome(true, "", view.settings());
        } catch (InvalidSettingsException e) {
            return new Outcome(false, e.violations().toString(), null);
        } catch (DomainException e) {
            return new Outcome(false, e.code() + ": " + e.getMessage(), null);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> settings() {
        Arbitrary<Object> channel = Arbitraries.of(ABSENT, null, "#ops", "ops", "#general");
        Arbitrary<Object> apiKey = Arbitraries.of(ABSENT, null, "sk-long-enough", "short", SettingsPolicy.REDACTED);
        Arbitrary<Object> retries = Arbitraries.of(ABSENT, null, 0L, 3L, 9L, "x");
        Arbitrary<Object> hook = Arbitraries.of(
                Map.of("url", "https://a", "secret", "hook-secret"),
                Map.of("url", "https://b"),
                Map.of("secret", "no-url"),
                Map.of("url", "https://c", "secret", SettingsPolicy.REDACTED));
        Arbitrary<Object> hooks = Arbitraries.oneOf(Arbitraries.just(ABSENT), Arbitraries.just(null),
                hook.list().ofMaxSize(2).map(list -> (Object) list));
        return Combinators.combine(channel, apiKey, retries, hooks).as((c, k, r, h) -> {
            Map<String, Object> map = new LinkedHashMap<>();
            put(map, "channel", c);
            put(map, "apiKey", k);
            put(map, "retries", r);
            put(map, "hooks", h);
            return map;
        });
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != ABSENT) {
            map.put(key, value);
        }
    }
}
