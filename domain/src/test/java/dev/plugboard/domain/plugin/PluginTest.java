package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.plugin.PluginFixtures.POLICY;
import static dev.plugboard.domain.plugin.PluginFixtures.T0;
import static dev.plugboard.domain.plugin.PluginFixtures.T1;
import static dev.plugboard.domain.plugin.PluginFixtures.T2;
import static dev.plugboard.domain.plugin.PluginFixtures.json;
import static dev.plugboard.domain.plugin.PluginFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginTest {

    private static final String SCHEMA = """
            {"type": "object", "required": ["units"], "properties": {"units": {"enum": ["c", "f"]}}}
            """;

    @Test
    void givenCoherentManifest_register_makesAnEnabledPluginStampedNow() {
        Plugin plugin = Plugin.register(PluginManifest.builder("weather", "1.0.0")
                .settingsSchema(json(SCHEMA)).defaultSettings(json("{\"units\": \"c\"}")).build(), POLICY, T0);

        assertThat(plugin.name()).isEqualTo(PluginName.of("weather"));
        assertThat(plugin.version()).isEqualTo(SemanticVersion.of(1, 0, 0));
        assertThat(plugin.isEnabled()).isTrue();
        assertThat(plugin.enabledAt()).contains(T0);
        assertThat(plugin.disabledAt()).isEmpty();
        assertThat(plugin.registeredAt()).isEqualTo(T0);
        assertThat(plugin.updatedAt()).isEqualTo(T0);
    }

    @Test
    void givenDefaultsThatBreakTheSchema_register_refusesListingEveryProblem() {
        PluginManifest manifest = PluginManifest.builder("weather", "1.0.0")
                .settingsSchema(json(SCHEMA)).defaultSettings(json("{\"units\": \"kelvin\"}")).build();

        assertThatThrownBy(() -> Plugin.register(manifest, POLICY, T0))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("weather");
                    assertThat(e.problems()).singleElement().asString()
                            .startsWith("default settings do not satisfy the settings schema: /units: ");
                    assertThat(e.getMessage()).startsWith("plugin weather cannot be registered: default settings");
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.code()).isEqualTo("invalid_plugin");
                    assertThat(e.details()).containsEntry("plugin", "weather").containsEntry("problems", e.problems());
                });
    }

    @Test
    void givenRequiredFieldWithoutDefault_register_acceptsItBecauseTheOwnerSuppliesIt() {
        PluginManifest manifest = PluginManifest.builder("weather", "1.0.0").settingsSchema(json(SCHEMA)).build();

        assertThat(Plugin.register(manifest, POLICY, T0).manifest()).isEqualTo(manifest);
    }

    @Test
    void givenInvalidSettingsInputAndOutputSchemas_register_listsTheProblemsOfEach() {
        PluginManifest manifest = PluginManifest.builder("weather", "1.0.0")
                .settingsSchema(json("{\"type\": 12}"))
                .inputSchema(json("{\"properties\": {\"a\": {\"minLength\": -1}}}"))
                .outputSchema(json("{\"required\": \"a\"}"))
                .build();

        assertThatThrownBy(() -> Plugin.register(manifest, POLICY, T0))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("settings schema is not a valid JSON Schema: /type: "));
                    assertThat(e.problems()).contains(
                            "input schema is not a valid JSON Schema: /properties/a/minLength: must have a minimum value of 0");
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("output schema is not a valid JSON Schema: /required: "));
                });
    }

    @Test
    void givenEnabledPlugin_disable_switchesItOffStampingDisabledAtAndKeepingEnabledAt() {
        Plugin disabled = PluginFixtures.plugin("weather", "1.0.0").disable(T1);

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.disabledAt()).contains(T1);
        assertThat(disabled.enabledAt()).contains(T0);
        assertThat(disabled.updatedAt()).isEqualTo(T1);
        assertThat(disabled.registeredAt()).isEqualTo(T0);
    }

    @Test
    void givenDisabledPlugin_enable_switchesItOnStampingEnabledAt() {
        Plugin enabled = PluginFixtures.plugin("weather", "1.0.0").disable(T1).enable(T2);

        assertThat(enabled.isEnabled()).isTrue();
        assertThat(enabled.enabledAt()).contains(T2);
        assertThat(enabled.disabledAt()).contains(T1);
        assertThat(enabled.updatedAt()).isEqualTo(T2);
    }

    @Test
    void givenPluginAlreadyInThatState_enableOrDisable_returnsItUnchanged() {
        Plugin enabled = PluginFixtures.plugin("weather", "1.0.0");
        Plugin disabled = enabled.disable(T1);

        assertThat(enabled.enable(T2)).isSameAs(enabled);
        assertThat(disabled.disable(T2)).isSameAs(disabled);
        assertThat(disabled.disable(T2).disabledAt()).contains(T1);
    }

    @Test
    void givenDisabledPlugin_requireEnabled_throwsNamingThePlugin() {
        Plugin disabled = PluginFixtures.plugin("weather", "1.0.0").disable(T1);

        assertThatThrownBy(disabled::requireEnabled)
                .isInstanceOfSatisfying(PluginDisabledException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("weather");
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.getMessage()).contains("'weather'").contains("disabled");
                });
        PluginFixtures.plugin("weather", "1.0.0").requireEnabled();
    }

    @Test
    void givenDisabledPlugin_withManifest_takesTheNewManifestAndStaysDisabled() {
        Plugin disabled = PluginFixtures.plugin("weather", "1.0.0").disable(T1);

        Plugin updated = disabled.withManifest(manifest("weather", "2.0.0"), POLICY, T2);

        assertThat(updated.version()).isEqualTo(SemanticVersion.of(2, 0, 0));
        assertThat(updated.isEnabled()).isFalse();
        assertThat(updated.disabledAt()).contains(T1);
        assertThat(updated.registeredAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T2);
    }

    @Test
    void givenEnabledPlugin_withManifest_staysEnabled() {
        Plugin updated = PluginFixtures.plugin("weather", "1.0.0").withManifest(manifest("weather", "1.1.0"), POLICY, T1);

        assertThat(updated.isEnabled()).isTrue();
        assertThat(updated.enabledAt()).contains(T0);
    }

    @Test
    void givenManifestOfAnotherPlugin_withManifest_refusesIt() {
        Plugin plugin = PluginFixtures.plugin("weather", "1.0.0");

        assertThatThrownBy(() -> plugin.withManifest(manifest("geo", "1.0.0"), POLICY, T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("geo").hasMessageContaining("weather");
    }

    @Test
    void givenIncoherentNewManifest_withManifest_refusesItListingTheProblems() {
        Plugin plugin = PluginFixtures.plugin("weather", "1.0.0");
        PluginManifest broken = PluginManifest.builder("weather", "1.1.0").settingsSchema(json(SCHEMA))
                .defaultSettings(json("{\"units\": \"k\"}")).build();

        assertThatThrownBy(() -> plugin.withManifest(broken, POLICY, T1))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("weather");
                    assertThat(e.problems()).singleElement().asString()
                            .startsWith("default settings do not satisfy the settings schema: /units: ");
                });
    }

    @Test
    void givenStoredState_reconstitute_restoresItWithoutRechecking() {
        PluginManifest broken = PluginManifest.builder("weather", "1.0.0").settingsSchema(json(SCHEMA)).build();

        Plugin plugin = Plugin.reconstitute(broken, false, T0, T1, T0, T1);

        assertThat(plugin.isEnabled()).isFalse();
        assertThat(plugin.disabledAt()).contains(T1);
        assertThat(plugin).isEqualTo(Plugin.reconstitute(broken, false, T0, T1, T0, T1));
        assertThat(plugin).hasToString("Plugin[weather 1.0.0, disabled]");
    }
}
