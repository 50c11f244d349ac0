package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsPolicyDefaultsTest {

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "mode":    {"type": "string", "default": "fast"},
                "retries": {"type": "integer", "default": 3},
                "http": {
                  "type": "object",
                  "default": {},
                  "properties": {
                    "timeout": {"type": "integer", "default": 30},
                    "verbose": {"type": "boolean", "default": false}
                  }
                }
              }
            }
            """;

    private final SettingsPolicy policy = new SettingsPolicy();

    @Test
    void givenEmptySettings_validate_fillsInEverySchemaDefaultIncludingNestedOnes() {
        SettingsValidation result = policy.validate(spec(SCHEMA), JsonDocument.empty());

        assertThat(result.isValid()).isTrue();
        assertThat(result.effectiveSettings()).isEqualTo(json("""
                {"mode": "fast", "retries": 3, "http": {"timeout": 30, "verbose": false}}
                """));
    }

    @Test
    void givenUserValues_validate_keepsThemOverSchemaDefaults() {
        SettingsValidation result = policy.validate(spec(SCHEMA), json("""
                {"mode": "slow", "http": {"timeout": 5}}
                """));

        assertThat(result.effectiveSettings()).isEqualTo(json("""
                {"mode": "slow", "retries": 3, "http": {"timeout": 5, "verbose": false}}
                """));
    }

    @Test
    void givenPluginDefaultSettings_validate_laysUserSettingsOverThemWithADeepMerge() {
        SettingsSpec spec = spec(SCHEMA, """
                {"mode": "batch", "retries": 5, "http": {"timeout": 10, "verbose": true}}
                """);

        SettingsValidation result = policy.validate(spec, json("""
                {"retries": 1, "http": {"verbose": false}}
                """));

        assertThat(result.effectiveSettings()).isEqualTo(json("""
                {"mode": "batch", "retries": 1, "http": {"timeout": 10, "verbose": false}}
                """));
    }

    @Test
    void givenPluginDefaultAndSchemaDefaultForTheSameField_validate_prefersThePluginDefault() {
        SettingsSpec spec = spec(SCHEMA, "{\"mode\": \"batch\"}");

        SettingsValidation result = policy.validate(spec, JsonDocument.empty());

        assertThat(result.effectiveSettings().at("/mode")).contains("batch");
        assertThat(result.effectiveSettings().at("/retries")).contains(3L);
    }

    @Test
    void givenUserValueOfWrongType_validate_reportsItEvenThoughAPluginDefaultExisted() {
        SettingsSpec spec = spec(SCHEMA, "{\"retries\": 5}");

        SettingsValidation result = policy.validate(spec, json("{\"retries\": \"many\"}"));

        assertThat(result.violations()).extracting(Violation::pointer, Violation::keyword)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/retries", "type"));
        assertThat(result.effectiveSettings().at("/retries")).contains("many");
    }

    @Test
    void givenValidation_validate_leavesTheCallersDocumentsUntouched() {
        SettingsSpec spec = spec(SCHEMA, "{\"retries\": 5}");
        JsonDocument settings = json("{\"mode\": \"slow\"}");

        policy.validate(spec, settings);

        assertThat(settings).isEqualTo(json("{\"mode\": \"slow\"}"));
        assertThat(spec.defaults()).isEqualTo(json("{\"retries\": 5}"));
    }
}
