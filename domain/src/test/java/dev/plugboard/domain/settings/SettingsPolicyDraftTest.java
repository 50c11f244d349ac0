package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Proves which draft a schema is read with by using keywords whose meaning differs between drafts:
 * {@code dependentRequired} (2019-09 and later; unknown, hence ignored, in draft-07), the array form
 * of {@code items} (a tuple in draft-07 and 2019-09, not allowed in 2020-12) and {@code prefixItems}
 * (2020-12 only).
 */
class SettingsPolicyDraftTest {

    private static final String DRAFT_07 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\",";
    private static final String DRAFT_2019_09 = "\"$schema\": \"https://json-schema.org/draft/2019-09/schema\",";
    private static final String DRAFT_2020_12 = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\",";

    private static final String DEPENDENT_REQUIRED = "\"type\": \"object\", \"dependentRequired\": {\"a\": [\"b\"]}}";
    private static final String ITEMS_ARRAY = "\"properties\": {\"pair\": {\"items\": [{\"type\": \"string\"}]}}}";
    private static final String PREFIX_ITEMS = "\"properties\": {\"pair\": {\"prefixItems\": [{\"type\": \"string\"}]}}}";

    private final SettingsPolicy policy = new SettingsPolicy();

    private SettingsValidation validate(String schema, String settings) {
        return policy.validate(spec(schema), json(settings));
    }

    @Test
    void givenNoSchemaKeyword_validate_readsTheSchemaAsDraft202012() {
        SettingsValidation dependent = validate("{" + DEPENDENT_REQUIRED, "{\"a\": 1}");
        SettingsValidation prefix = validate("{" + PREFIX_ITEMS, "{\"pair\": [1]}");

        assertThat(policy.cachedFor(SettingsFixtures.PLUGIN, SettingsFixtures.VERSION).draft())
                .isEqualTo(SchemaDraft.DRAFT_2020_12);
        assertThat(dependent.violations()).extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/b", "dependentRequired"));
        assertThat(prefix.violations()).extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/pair/0", "type"));
    }

    @Test
    void givenNoSchemaKeyword_problemsOf_refusesTheDraft07ArrayFormOfItems() {
        assertThat(policy.problemsOf(spec("{" + ITEMS_ARRAY)))
                .containsExactly("settings schema is not a valid JSON Schema: /properties/pair/items: array found, [object, boolean] expected");
    }

    @Test
    void givenExplicitDraft202012_validate_behavesLikeTheDefault() {
        SettingsValidation result = validate("{" + DRAFT_2020_12 + PREFIX_ITEMS, "{\"pair\": [1]}");

        assertThat(policy.cachedFor(SettingsFixtures.PLUGIN, SettingsFixtures.VERSION).draft())
                .isEqualTo(SchemaDraft.DRAFT_2020_12);
        assertThat(result.violations()).extracting(Violation::pointer).containsExactly("/pair/0");
    }

    @Test
    void givenDraft07_validate_ignoresDependentRequiredWhichDraft07DoesNotKnow() {
        SettingsValidation result = validate("{" + DRAFT_07 + DEPENDENT_REQUIRED, "{\"a\": 1}");

        assertThat(policy.cachedFor(SettingsFixtures.PLUGIN, SettingsFixtures.VERSION).draft())
                .isEqualTo(SchemaDraft.DRAFT_07);
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void givenDraft07_validate_readsTheArrayFormOfItemsAsATuple() {
        SettingsValidation result = validate("{" + DRAFT_07 + ITEMS_ARRAY, "{\"pair\": [1]}");

        assertThat(result.violations()).extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/pair/0", "type"));
    }

    @Test
    void givenDraft07_validate_ignoresPrefixItemsWhichDraft07DoesNotKnow() {
        SettingsValidation result = validate("{" + DRAFT_07 + PREFIX_ITEMS, "{\"pair\": [1]}");

        assertThat(result.isValid()).isTrue();
    }

    @Test
    void givenDraft07_validate_honoursDependencies() {
        SettingsValidation result = validate("{" + DRAFT_07 + "\"dependencies\": {\"a\": [\"b\"]}}", "{\"a\": 1}");

        assertThat(result.violations()).extracting(Violation::keyword).containsExactly("dependencies");
    }

    @Test
    void givenDraft201909_validate_honoursDependentRequiredAndTheArrayFormOfItems() {
        SettingsValidation dependent = validate("{" + DRAFT_2019_09 + DEPENDENT_REQUIRED, "{\"a\": 1}");
        SettingsValidation tuple = validate("{" + DRAFT_2019_09 + ITEMS_ARRAY, "{\"pair\": [1]}");

        assertThat(policy.cachedFor(SettingsFixtures.PLUGIN, SettingsFixtures.VERSION).draft())
                .isEqualTo(SchemaDraft.DRAFT_2019_09);
        assertThat(dependent.violations()).extracting(Violation::pointer).containsExactly("/b");
        assertThat(tuple.violations()).extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/pair/0", "type"));
    }

    @Test
    void givenUnknownDraft_problemsOf_refusesItNamingTheSupportedDrafts() {
        assertThat(policy.problemsOf(spec("{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}")))
                .singleElement().asString()
                .contains("/$schema")
                .contains("unsupported draft 'http://json-schema.org/draft-04/schema#'")
                .contains("http://json-schema.org/draft-07/schema")
                .contains("https://json-schema.org/draft/2019-09/schema")
                .contains("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void givenSchemaKeywordThatIsNotAString_problemsOf_refusesItNamingTheSupportedDrafts() {
        assertThat(policy.problemsOf(spec("{\"$schema\": 7}")))
                .singleElement().asString()
                .contains("/$schema: must be a string naming a draft")
                .contains("https://json-schema.org/draft/2020-12/schema");
    }

    @ParameterizedTest
    @CsvSource({
            "http://json-schema.org/draft-07/schema#,         DRAFT_07",
            "https://json-schema.org/draft-07/schema,         DRAFT_07",
            "https://json-schema.org/draft/2019-09/schema#,   DRAFT_2019_09",
            "http://json-schema.org/draft/2019-09/schema,     DRAFT_2019_09",
            "https://json-schema.org/draft/2020-12/schema,    DRAFT_2020_12",
            "' https://json-schema.org/draft/2020-12/schema#', DRAFT_2020_12"
    })
    void givenDraftUriWithOrWithoutHashOrHttps_fromUri_findsTheDraft(String uri, SchemaDraft expected) {
        assertThat(SchemaDraft.fromUri(uri)).contains(expected);
    }

    @Test
    void givenDraft04Uri_fromUri_findsNothing() {
        assertThat(SchemaDraft.fromUri("http://json-schema.org/draft-04/schema#")).isEmpty();
    }

    @Test
    void givenNothingDeclared_defaultDraft_is202012() {
        assertThat(SchemaDraft.DEFAULT).isEqualTo(SchemaDraft.DRAFT_2020_12);
    }
}
