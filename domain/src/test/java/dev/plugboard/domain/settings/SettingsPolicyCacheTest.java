package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsPolicyCacheTest {

    private static final JsonDocument SCHEMA = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}}");

    private final SettingsPolicy policy = new SettingsPolicy();

    private static SettingsSpec spec(String version, JsonDocument schema) {
        return new SettingsSpec("weather", version, schema, JsonDocument.empty());
    }

    @Test
    void givenSamePluginAndVersion_validateTwice_compilesOnceAndReusesTheSameInstance() {
        policy.validate(spec("1.0.0", SCHEMA), json("{\"a\": 1}"));
        CompiledSchema first = policy.cachedFor("weather", "1.0.0");

        policy.validate(spec("1.0.0", SCHEMA), json("{\"a\": \"x\"}"));

        assertThat(policy.cachedSchemas()).isEqualTo(1);
        assertThat(policy.cachedFor("weather", "1.0.0")).isSameAs(first);
    }

    @Test
    void givenSecretsAndRedactionOnACachedSchema_theyReuseTheCompiledSchema() {
        policy.validate(spec("1.0.0", SCHEMA), JsonDocument.empty());
        CompiledSchema first = policy.cachedFor("weather", "1.0.0");

        policy.secretPointers(spec("1.0.0", SCHEMA), json("{\"a\": 1}"));
        policy.redact(spec("1.0.0", SCHEMA), json("{\"a\": 1}"));
        policy.problemsOf(spec("1.0.0", SCHEMA));

        assertThat(policy.cachedSchemas()).isEqualTo(1);
        assertThat(policy.cachedFor("weather", "1.0.0")).isSameAs(first);
    }

    @Test
    void givenANewVersion_validate_compilesAndCachesItSeparately() {
        policy.validate(spec("1.0.0", SCHEMA), JsonDocument.empty());
        policy.validate(spec("1.1.0", SCHEMA), JsonDocument.empty());

        assertThat(policy.cachedSchemas()).isEqualTo(2);
        assertThat(policy.cachedFor("weather", "1.1.0")).isNotSameAs(policy.cachedFor("weather", "1.0.0"));
    }

    @Test
    void givenSchemaEditedUnderTheSameVersion_validate_recompilesAndUsesTheNewSchema() {
        policy.validate(spec("1.0.0", SCHEMA), JsonDocument.empty());
        CompiledSchema first = policy.cachedFor("weather", "1.0.0");
        JsonDocument edited = json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");

        SettingsValidation result = policy.validate(spec("1.0.0", edited), json("{\"a\": 1}"));

        assertThat(policy.cachedSchemas()).isEqualTo(1);
        assertThat(policy.cachedFor("weather", "1.0.0")).isNotSameAs(first)
                .extracting(CompiledSchema::source).isEqualTo(edited);
        assertThat(result.violations()).extracting(Violation::keyword).containsExactly("type");
    }

    @Test
    void givenSettingsAndInputSchemasOfOnePlugin_theyAreCachedUnderDifferentPurposes() {
        policy.validate(spec("1.0.0", SCHEMA), JsonDocument.empty());
        policy.violationsOf("weather", "1.0.0", "input", json("{\"type\": \"object\"}"), JsonDocument.empty());

        assertThat(policy.cachedSchemas()).isEqualTo(2);
        assertThat(policy.cachedFor("weather", "1.0.0").source()).isEqualTo(SCHEMA);
    }
}
