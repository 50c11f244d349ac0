package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsMigrationTest {

    private static final List<SettingsMigration> STEPS = SettingsMigration.read(List.of(
            Map.of("rename", Map.of("from", "user", "to", "name")),
            Map.of("default", Map.of("field", "greeting", "value", "hello")),
            Map.of("drop", "legacy")));

    @Test
    void givenAManifestsSteps_applyAll_renamesDefaultsAndDrops_andApplyingAgainChangesNothing() {
        JsonDocument migrated = SettingsMigration.applyAll(STEPS, JsonDocument.parse("{\"user\": \"Bob\", \"legacy\": true}"), Set.of());

        assertThat(migrated.asMap()).containsOnly(Map.entry("name", "Bob"), Map.entry("greeting", "hello"));
        assertThat(SettingsMigration.applyAll(STEPS, migrated, Set.of())).isEqualTo(migrated);
    }

    @Test
    void givenAFieldAlreadySet_defaultAndRename_leaveItAlone() {
        JsonDocument settings = JsonDocument.parse("{\"user\": \"old\", \"name\": \"kept\", \"greeting\": \"hi\"}");

        assertThat(SettingsMigration.applyAll(STEPS.subList(0, 2), settings, Set.of())).isEqualTo(settings);
    }

    @Test
    void givenASealedSecretField_noStepTouchesIt() {
        JsonDocument settings = JsonDocument.parse("{\"legacy\": \"(set)\"}");

        assertThat(SettingsMigration.drop("legacy").applyTo(settings, Set.of("/legacy"))).isEqualTo(settings);
    }

    @Test
    void givenTheSteps_writeThenRead_roundTrips_andEachReadsAsASentence() {
        assertThat(SettingsMigration.read(STEPS.stream().map(SettingsMigration::write).toList())).isEqualTo(STEPS);
        assertThat(STEPS).extracting(Object::toString)
                .containsExactly("rename user -> name", "default greeting = \"hello\"", "drop legacy");
    }

    @Test
    void givenBadSteps_read_namesTheProblem() {
        assertThatThrownBy(() -> SettingsMigration.read(List.of(Map.of("move", "x"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'rename', 'default' or 'drop'");
        assertThatThrownBy(() -> SettingsMigration.read(List.of(Map.of("default", Map.of("field", "x")))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("needs a 'value'");
        assertThatThrownBy(() -> SettingsMigration.read(List.of(Map.of("rename", Map.of("from", "a", "to", "a")))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("renames a field to itself");
        assertThatThrownBy(() -> SettingsMigration.read("drop everything"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must be a list of steps");
    }

    @Test
    void givenAManifestDocumentWithSettingsMigrations_read_keepsThem_andWriteGivesThemBack() {
        PluginManifest manifest = ManifestDocument.read(JsonDocument.of(Map.of("name", "greeter", "version", "1.1.0",
                "settingsMigrations", List.of(Map.of("default", Map.of("field", "name", "value", "friend"))))),
                PluginSource.MANIFEST_DIRECTORY);

        assertThat(manifest.settingsMigrations()).containsExactly(SettingsMigration.defaultValue("name", "friend"));
        assertThat(ManifestDocument.read(ManifestDocument.write(manifest), PluginSource.MANIFEST_DIRECTORY)).isEqualTo(manifest);
    }
}
