package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.ValidatedSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallationTest {

    private static final SettingsPolicy POLICY = new SettingsPolicy();
    private static final JsonDocument SCHEMA = JsonDocument.parse("""
            {"type": "object", "properties": {"units": {"enum": ["c", "f"], "default": "c"}}}
            """);
    private static final UUID ID = UUID.fromString("6a1f0c56-0000-4000-8000-000000000001");
    private static final Owner ALICE = Owner.user("alice");
    private static final PluginName WEATHER = PluginName.of("weather");
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2025-01-02T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-03T00:00:00Z");

    private static ValidatedSettings settingsFor(String plugin, String json) {
        return POLICY.require(new SettingsSpec(plugin, "1.0.0", SCHEMA, JsonDocument.empty()), JsonDocument.parse(json));
    }

    private static Installation installed() {
        return Installation.install(ID, ALICE, WEATHER, settingsFor("weather", "{}"), true, T0);
    }

    @Test
    void givenSettingsValidatedForThePlugin_install_makesAFreshInstallationWithThoseSettings() {
        Installation installation = Installation.install(ID, ALICE, WEATHER, settingsFor("weather", "{\"units\": \"f\"}"),
                false, T0);

        assertThat(installation.id()).isEqualTo(ID);
        assertThat(installation.owner()).isEqualTo(ALICE);
        assertThat(installation.plugin()).isEqualTo(WEATHER);
        assertThat(installation.settings()).isEqualTo(JsonDocument.parse("{\"units\": \"f\"}"));
        assertThat(installation.isEnabled()).isFalse();
        assertThat(installation.executionCount()).isZero();
        assertThat(installation.lastExecutedAt()).isEmpty();
        assertThat(installation.lastError()).isEmpty();
        assertThat(installation.version()).isZero();
        assertThat(installation.createdAt()).isEqualTo(T0);
        assertThat(installation.updatedAt()).isEqualTo(T0);
    }

    @Test
    void givenSettingsWithSchemaDefaults_install_storesTheEffectiveSettings() {
        assertThat(installed().settings()).isEqualTo(JsonDocument.parse("{\"units\": \"c\"}"));
    }

    @Test
    void givenSettingsValidatedForAnotherPlugin_install_refusesThem() {
        ValidatedSettings forGeo = settingsFor("geo", "{}");

        assertThatThrownBy(() -> Installation.install(ID, ALICE, WEATHER, forGeo, true, T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("settings");
                    assertThat(e.value()).isEqualTo("geo");
                    assertThat(e.rule()).isEqualTo("were validated for another plugin than weather");
                });
    }

    @Test
    void givenNoSettings_install_refusesIt() {
        assertThatThrownBy(() -> Installation.install(ID, ALICE, WEATHER, (ValidatedSettings) null, true, T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("settings");
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }

    @Test
    void givenNewValidatedSettings_configure_replacesThemAndStampsUpdatedAt() {
        Installation configured = installed().configure(settingsFor("weather", "{\"units\": \"f\"}"), T1);

        assertThat(configured.settings().at("/units")).contains("f");
        assertThat(configured.updatedAt()).isEqualTo(T1);
        assertThat(configured.createdAt()).isEqualTo(T0);
        assertThat(configured.isEnabled()).isTrue();
    }

    @Test
    void givenSettingsForAnotherPlugin_configure_refusesThem() {
        Installation installation = installed();

        assertThatThrownBy(() -> installation.configure(settingsFor("geo", "{}"), T1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("geo"));
    }

    @Test
    void givenEnabledInstallation_toggleOff_disablesItAndStampsUpdatedAt() {
        Installation off = installed().toggle(false, T1);

        assertThat(off.isEnabled()).isFalse();
        assertThat(off.updatedAt()).isEqualTo(T1);
        assertThat(off.toggle(true, T2).isEnabled()).isTrue();
    }

    @Test
    void givenInstallationAlreadyInThatState_toggle_returnsItUnchanged() {
        Installation installation = installed();

        assertThat(installation.toggle(true, T1)).isSameAs(installation);
    }

    @Test
    void givenDisabledInstallation_requireEnabled_throwsNamingOwnerAndPlugin() {
        Installation off = installed().toggle(false, T1);

        assertThatThrownBy(off::requireEnabled)
                .isInstanceOfSatisfying(InstallationDisabledException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE);
                    assertThat(e.plugin()).isEqualTo("weather");
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("plugin 'weather' is switched off for user:alice; toggle it on first");
                });
    }

    @Test
    void givenFailedInstallation_recordSuccess_countsItAndClearsTheLastError() {
        Installation recovered = installed().recordFailure("TIMEOUT: too slow", T1).recordSuccess(T2);

        assertThat(recovered.executionCount()).isEqualTo(2);
        assertThat(recovered.lastExecutedAt()).contains(T2);
        assertThat(recovered.lastError()).isEmpty();
        assertThat(recovered.updatedAt()).isEqualTo(T2);
    }

    @Test
    void givenFailure_recordFailure_countsItAndRemembersTheStrippedError() {
        Installation failed = installed().recordFailure("  TIMEOUT: too slow  ", T1);

        assertThat(failed.executionCount()).isEqualTo(1);
        assertThat(failed.lastExecutedAt()).contains(T1);
        assertThat(failed.lastError()).contains("TIMEOUT: too slow");
    }

    @Test
    void givenVeryLongError_recordFailure_truncatesItTo2000Characters() {
        Installation failed = installed().recordFailure("e".repeat(5000), T1);

        assertThat(failed.lastError()).hasValueSatisfying(error -> assertThat(error).hasSize(2000));
    }

    @Test
    void givenBlankError_recordFailure_refusesIt() {
        Installation installation = installed();

        assertThatThrownBy(() -> installation.recordFailure(" ", T1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("error"));
    }

    @Test
    void givenStoredState_reconstitute_restoresEveryField() {
        Installation installation = Installation.reconstitute(ID, Owner.organization("acme"), WEATHER,
                JsonDocument.parse("{\"units\": \"f\"}"), dev.plugboard.domain.settings.SealedSecrets.none(), false, 12, T1, "BOOM", 4, T0, T2);

        assertThat(installation.owner()).isEqualTo(Owner.organization("acme"));
        assertThat(installation.executionCount()).isEqualTo(12);
        assertThat(installation.lastError()).contains("BOOM");
        assertThat(installation.version()).isEqualTo(4);
        assertThat(installation).hasToString("Installation[org:acme/weather, v4, disabled]");
    }

    @Test
    void givenNegativeExecutionCount_reconstitute_refusesIt() {
        assertThatThrownBy(() -> Installation.reconstitute(ID, ALICE, WEATHER, JsonDocument.empty(), dev.plugboard.domain.settings.SealedSecrets.none(), true, -1, null, null,
                0, T0, T0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("execution count");
                    assertThat(e.value()).isEqualTo("-1");
                });
    }
}
