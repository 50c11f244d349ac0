package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** When validation may skip networknt's walk (issue 16, P5): only when no schema default could fill anything in. */
class DefaultSitesTest {

    private static final String NESTED = """
            {"type": "object", "properties": {
              "retries": {"type": "integer", "default": 3},
              "http": {"type": "object", "properties": {"timeout": {"type": "integer", "default": 30}}}
            }}
            """;

    private static boolean mayApply(String schema, String document) {
        return DefaultSites.of(JsonCodec.toNode(json(schema))).mayApplyTo(JsonCodec.toNode(json(document)));
    }

    @Test
    void givenNoDefaultInTheSchema_mayApplyTo_isFalseForAnyDocument() {
        assertThat(mayApply("{\"properties\": {\"a\": {\"type\": \"string\"}}}", "{}")).isFalse();
    }

    @Test
    void givenEveryPropertyWithADefaultPresent_mayApplyTo_isFalse() {
        assertThat(mayApply(NESTED, "{\"retries\": 1, \"http\": {\"timeout\": 5}}")).isFalse();
    }

    @Test
    void givenATopLevelPropertyWithADefaultMissing_mayApplyTo_isTrue() {
        assertThat(mayApply(NESTED, "{\"http\": {\"timeout\": 5}}")).isTrue();
    }

    @Test
    void givenANestedPropertyMissingInAPresentParent_mayApplyTo_isTrue() {
        assertThat(mayApply(NESTED, "{\"retries\": 1, \"http\": {}}")).isTrue();
    }

    @Test
    void givenTheParentOfANestedDefaultMissing_mayApplyTo_isFalse() {
        assertThat(mayApply(NESTED, "{\"retries\": 1}")).isFalse();
    }

    @Test
    void givenADefaultOutsidePlainProperties_mayApplyTo_isAlwaysTrue() {
        String underAllOf = "{\"allOf\": [{\"properties\": {\"a\": {\"default\": 1}}}], \"properties\": {\"a\": {}}}";

        assertThat(mayApply(underAllOf, "{\"a\": 2}")).isTrue();
        assertThat(mayApply("{\"$defs\": {\"x\": {\"default\": 1}}}", "{}")).isTrue();
    }

    @Test
    void givenAPropertyNamedDefault_mayApplyTo_readsItAsAPropertyNotAKeyword() {
        assertThat(mayApply("{\"properties\": {\"default\": {\"type\": \"string\"}}}", "{}")).isFalse();
    }

    @Test
    void givenAllDefaultsPresent_validate_givesTheSameEffectiveSettingsAsTheDocument() {
        SettingsValidation result = new SettingsPolicy().validate(SettingsFixtures.spec(NESTED),
                json("{\"retries\": 1, \"http\": {\"timeout\": 5, \"extra\": 1.50}}"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.effectiveSettings()).isEqualTo(json("{\"retries\": 1, \"http\": {\"timeout\": 5, \"extra\": 1.5}}"));
    }
}
