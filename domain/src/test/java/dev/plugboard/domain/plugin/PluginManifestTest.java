package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.plugboard.domain.plugin.PluginFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginManifestTest {

    private static PluginManifest.Builder weather() {
        return PluginManifest.builder("weather", "1.2.0");
    }

    private static List<String> tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "tag" + i).toList();
    }

    @Test
    void givenOnlyNameAndVersion_build_appliesSensibleDefaults() {
        PluginManifest manifest = weather().build();

        assertThat(manifest.displayName()).isEqualTo("weather");
        assertThat(manifest.description()).isEmpty();
        assertThat(manifest.owner()).isEqualTo("plugboard");
        assertThat(manifest.schemaVersion()).isEqualTo("v1");
        assertThat(manifest.category()).isEqualTo(PluginManifest.DEFAULT_CATEGORY);
        assertThat(manifest.tags()).isEmpty();
        assertThat(manifest.icon()).isEmpty();
        assertThat(manifest.settingsSchema()).isEqualTo(json("{\"type\": \"object\"}"));
        assertThat(manifest.defaultSettings()).isEqualTo(JsonDocument.empty());
        assertThat(manifest.inputSchema()).isEmpty();
        assertThat(manifest.source()).isEqualTo(PluginSource.REGISTERED);
        assertThat(manifest.execution()).isEqualTo(ExecutionPolicy.DEFAULT);
    }

    @Test
    void givenTenTags_build_acceptsThem() {
        assertThat(weather().tags(tags(10)).build().tags()).hasSize(PluginManifest.MAX_TAGS);
    }

    @Test
    void givenElevenTags_build_refusesThemNamingTheCount() {
        assertThatThrownBy(() -> weather().tags(tags(11)).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("tags");
                    assertThat(e.rule()).isEqualTo("at most 10 are allowed (got 11)");
                });
    }

    @Test
    void givenTagsOfTwoAndThirtyCharacters_build_acceptsThem() {
        assertThat(weather().tags(List.of("ab", "x".repeat(30))).build().tags()).containsExactly("ab", "x".repeat(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 31})
    void givenTagOutsideTwoToThirtyCharacters_build_refusesItNamingTheTag(int length) {
        String tag = "t".repeat(length);

        assertThatThrownBy(() -> weather().tags(List.of("ok", tag)).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("tag");
                    assertThat(e.value()).isEqualTo(tag);
                    assertThat(e.rule()).isEqualTo("must be 2 to 30 characters long (was " + length + ")");
                });
    }

    @Test
    void givenTagWithASpace_build_refusesIt() {
        assertThatThrownBy(() -> weather().tags(List.of("two words")).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo("two words");
                    assertThat(e.rule()).isEqualTo("must not contain spaces");
                });
    }

    @Test
    void givenRepeatedTags_build_keepsEachOnceInOrder() {
        assertThat(weather().tags(List.of("b-tag", "a-tag", "b-tag")).build().tags()).containsExactly("b-tag", "a-tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2", "V1", "1", ""})
    void givenSchemaVersionOtherThanV1_build_refusesItNamingTheSupportedOne(String schemaVersion) {
        assertThatThrownBy(() -> weather().schemaVersion(schemaVersion).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("manifest schema version");
                    assertThat(e.value()).isEqualTo(schemaVersion);
                    assertThat(e.rule()).contains("'v1'");
                });
    }

    @Test
    void givenDependencyOnItself_build_refusesIt() {
        assertThatThrownBy(() -> weather().dependencies(List.of(Dependency.of("weather", "^1.0.0"))).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("dependency");
                    assertThat(e.value()).isEqualTo("weather ^1.0.0");
                    assertThat(e.rule()).isEqualTo("a plugin cannot depend on itself");
                });
    }

    @Test
    void givenSamePluginTwiceInDependencies_build_refusesItNamingThePlugin() {
        assertThatThrownBy(() -> weather().dependencies(List.of(Dependency.of("geo", "^1.0.0"), Dependency.of("geo", "^2.0.0")))
                .build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("dependency");
                    assertThat(e.value()).isEqualTo("geo");
                    assertThat(e.rule()).isEqualTo("is listed more than once");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenBlankDisplayName_build_refusesIt(String displayName) {
        assertThatThrownBy(() -> weather().displayName(displayName).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("display name");
                    assertThat(e.rule()).isEqualTo("must not be blank");
                });
    }

    @Test
    void givenNullDisplayName_build_refusesIt() {
        assertThatThrownBy(() -> weather().displayName(null).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("display name"));
    }

    @Test
    void givenDisplayNameWithSurroundingSpace_build_stripsIt() {
        assertThat(weather().displayName("  Weather  ").build().displayName()).isEqualTo("Weather");
    }

    @Test
    void givenCategoryThatIsNotASlug_build_refusesIt() {
        assertThatThrownBy(() -> weather().category("Data Tools").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("category");
                    assertThat(e.value()).isEqualTo("Data Tools");
                });
    }

    @Test
    void givenNullTags_build_refusesThem() {
        assertThatThrownBy(() -> weather().tags(null).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("tags");
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }

    @Test
    void givenMutableLists_build_keepsImmutableCopies() {
        List<String> capabilities = new java.util.ArrayList<>(List.of("event:message"));
        PluginManifest manifest = weather().capabilities(capabilities).build();

        capabilities.add("event:other");

        assertThat(manifest.capabilities()).containsExactly("event:message");
        assertThatThrownBy(() -> manifest.capabilities().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(manifest.dependencies()).isEqualTo(Collections.emptyList());
    }

    @Test
    void givenEventCapability_subscribesTo_answersForThatEventOnly() {
        PluginManifest manifest = weather().capabilities(List.of("event:message.created", "run")).build();

        assertThat(manifest.subscribesTo("message.created")).isTrue();
        assertThat(manifest.subscribesTo("run")).isFalse();
    }

    @Test
    void givenManifest_settingsSpec_carriesNameVersionSchemaAndDefaults() {
        JsonDocument schema = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}}");
        JsonDocument defaults = json("{\"a\": 1}");

        SettingsSpec spec = weather().settingsSchema(schema).defaultSettings(defaults).build().settingsSpec();

        assertThat(spec).isEqualTo(new SettingsSpec("weather", "1.2.0", schema, defaults));
    }

    @Test
    void givenManifest_toBuilder_rebuildsAnEqualManifest() {
        PluginManifest manifest = weather().displayName("Weather").description("Forecasts").owner("acme")
                .capabilities(List.of("run")).category("data").tags(List.of("forecast")).icon("sun.svg")
                .inputSchema(json("{\"type\": \"object\"}"))
                .dependencies(List.of(Dependency.of("geo", "^1.0.0"))).source(PluginSource.BUILTIN).build();

        assertThat(manifest.toBuilder().build()).isEqualTo(manifest);
        assertThat(manifest.toBuilder().version("1.3.0").build().version()).isEqualTo(SemanticVersion.parse("1.3.0"));
    }
}
