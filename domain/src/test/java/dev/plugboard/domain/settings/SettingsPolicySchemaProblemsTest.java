package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsPolicySchemaProblemsTest {

    private final SettingsPolicy policy = new SettingsPolicy();

    @Test
    void givenCoherentSchemaAndDefaults_problemsOf_isEmpty() {
        SettingsSpec spec = spec("""
                {"type": "object", "required": ["units"], "properties": {"units": {"enum": ["c", "f"]}}}
                """, "{\"units\": \"c\"}");

        assertThat(policy.problemsOf(spec)).isEmpty();
    }

    @Test
    void givenTypeThatIsANumber_problemsOf_reportsTheTypeKeywordOfTheSchema() {
        assertThat(policy.problemsOf(spec("{\"type\": 12}")))
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).startsWith("settings schema is not a valid JSON Schema: /type: "));
    }

    @Test
    void givenNegativeMinLength_problemsOf_reportsThePointerIntoTheSchema() {
        assertThat(policy.problemsOf(spec("{\"properties\": {\"a\": {\"minLength\": -1}}}")))
                .containsExactly("settings schema is not a valid JSON Schema: /properties/a/minLength: must have a minimum value of 0");
    }

    @Test
    void givenSchemaProblemFoundManyTimesByTheMetaSchema_problemsOf_reportsItOnce() {
        assertThat(policy.problemsOf(spec("{\"properties\": {\"a\": {\"items\": [{}]}}}")))
                .doesNotHaveDuplicates()
                .hasSize(1);
    }

    @Test
    void givenDefaultsThatBreakTheirOwnSchema_problemsOf_reportsEachBrokenFieldSortedByPointer() {
        SettingsSpec spec = spec("""
                {"type": "object", "properties": {"retries": {"type": "integer"}, "mode": {"enum": ["a", "b"]}}}
                """, "{\"retries\": \"three\", \"mode\": \"c\"}");

        assertThat(policy.problemsOf(spec)).containsExactly(
                "default settings do not satisfy the settings schema: /mode: does not have a value in the enumeration [\"a\", \"b\"]",
                "default settings do not satisfy the settings schema: /retries: string found, integer expected");
    }

    @Test
    void givenRequiredFieldsTheDefaultsLeaveOut_problemsOf_acceptsThemBecauseTheOwnerSuppliesThem() {
        SettingsSpec spec = spec("""
                {"type": "object", "required": ["url"], "dependentRequired": {"user": ["password"]},
                 "properties": {"url": {"type": "string"}, "user": {"type": "string"}, "password": {"type": "string"}}}
                """, "{\"user\": \"bot\"}");

        assertThat(policy.problemsOf(spec)).isEmpty();
        assertThat(policy.validate(spec, JsonDocument.empty()).violations())
                .as("the owner's settings are still held to them")
                .extracting(Violation::pointer).containsExactly("/password", "/url");
    }

    @Test
    void givenRemoteRef_problemsOf_refusesItNamingTheReference() {
        assertThat(policy.problemsOf(spec("{\"properties\": {\"a\": {\"$ref\": \"https://example.com/a.json\"}}}")))
                .containsExactly("settings schema is not a valid JSON Schema: /properties/a/$ref: only local references "
                        + "such as '#/$defs/name' are allowed, not 'https://example.com/a.json'");
    }

    @Test
    void givenRelativeFileRef_problemsOf_refusesItToo() {
        assertThat(policy.problemsOf(spec("{\"items\": {\"$ref\": \"other.json#/x\"}}")))
                .singleElement().asString().contains("/items/$ref").contains("'other.json#/x'");
    }

    @Test
    void givenLocalRef_validate_followsIt() {
        SettingsSpec spec = spec("""
                {"$defs": {"port": {"type": "integer", "maximum": 65535}},
                 "properties": {"port": {"$ref": "#/$defs/port"}}}
                """);

        assertThat(policy.problemsOf(spec)).isEmpty();
        assertThat(policy.validate(spec, json("{\"port\": 70000}")).violations())
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/port", "maximum"));
    }

    @Test
    void givenInvalidInputSchema_schemaProblems_prefixesEachProblemWithTheLabel() {
        assertThat(policy.schemaProblems("input schema", json("{\"required\": \"name\"}")))
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).startsWith("input schema is not a valid JSON Schema: /required: "));
    }

    @Test
    void givenInvalidSchema_validate_throwsInvalidValueExceptionNamingPluginAndVersion() {
        assertThatThrownBy(() -> policy.validate(spec("{\"type\": 12}"), JsonDocument.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("settings schema of plugin weather");
                    assertThat(e.value()).isEqualTo("1.0.0");
                    assertThat(e.rule()).contains("/type");
                });
        assertThat(policy.cachedSchemas()).isZero();
    }
}
