package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SettingsPolicyValidationTest {

    private static final String SCHEMA = """
            {
              "type": "object",
              "required": ["name"],
              "properties": {
                "name":  {"type": "string", "minLength": 2},
                "count": {"type": "integer", "minimum": 1, "maximum": 10},
                "unit":  {"enum": ["metric", "imperial"]},
                "city":  {"type": "string", "pattern": "^[A-Z][a-z]+$"},
                "auth": {
                  "type": "object",
                  "required": ["user"],
                  "properties": {
                    "user":  {"type": "string"},
                    "token": {"type": "string", "minLength": 8}
                  }
                }
              }
            }
            """;

    private final SettingsPolicy policy = new SettingsPolicy();

    private SettingsValidation validate(String settings) {
        return policy.validate(spec(SCHEMA), json(settings));
    }

    @Test
    void givenSettingsThatFitTheSchema_validate_isValidWithNoSummary() {
        SettingsValidation result = validate("""
                {"name": "home", "count": 3, "unit": "metric", "city": "Paris", "auth": {"user": "bob", "token": "12345678"}}
                """);

        assertThat(result.isValid()).isTrue();
        assertThat(result.violations()).isEmpty();
        assertThat(result.summary()).isEmpty();
        assertThat(result.plugin()).isEqualTo("weather");
        assertThat(result.effectiveSettings().at("/auth/user")).contains("bob");
    }

    @Test
    void givenMissingRequiredField_validate_pointsAtTheMissingFieldNotItsParent() {
        SettingsValidation result = validate("{}");

        assertThat(result.violations()).containsExactly(
                new Violation("/name", "required", "required property 'name' not found"));
    }

    @Test
    void givenMissingRequiredFieldInNestedObject_validate_pointsAtTheNestedField() {
        SettingsValidation result = validate("""
                {"name": "home", "auth": {}}
                """);

        assertThat(result.violations())
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/auth/user", "required"));
    }

    @Test
    void givenValueOfTheWrongType_validate_reportsTypeViolationAtThatField() {
        SettingsValidation result = validate("""
                {"name": "home", "count": "three"}
                """);

        assertThat(result.violations()).containsExactly(
                new Violation("/count", "type", "string found, integer expected"));
    }

    @Test
    void givenValueOutsideTheEnum_validate_reportsEnumViolationNamingTheAllowedValues() {
        SettingsValidation result = validate("""
                {"name": "home", "unit": "kelvin"}
                """);

        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/unit");
            assertThat(violation.keyword()).isEqualTo("enum");
            assertThat(violation.message()).contains("metric").contains("imperial");
        });
    }

    @Test
    void givenValueNotMatchingThePattern_validate_reportsPatternViolationNamingThePattern() {
        SettingsValidation result = validate("""
                {"name": "home", "city": "paris"}
                """);

        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/city");
            assertThat(violation.keyword()).isEqualTo("pattern");
            assertThat(violation.message()).contains("^[A-Z][a-z]+$");
        });
    }

    @Test
    void givenNestedValueBreakingItsRule_validate_pointsIntoTheNestedObject() {
        SettingsValidation result = validate("""
                {"name": "home", "auth": {"user": "bob", "token": "short"}}
                """);

        assertThat(result.violations()).containsExactly(
                new Violation("/auth/token", "minLength", "must be at least 8 characters long"));
    }

    @Test
    void givenSeveralViolations_validate_reportsEveryOneSortedByPointer() {
        SettingsValidation result = validate("""
                {"unit": "kelvin", "count": 99, "city": "x", "auth": {"token": "short"}}
                """);

        assertThat(result.violations())
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(
                        tuple("/auth/token", "minLength"),
                        tuple("/auth/user", "required"),
                        tuple("/city", "pattern"),
                        tuple("/count", "maximum"),
                        tuple("/name", "required"),
                        tuple("/unit", "enum"));
    }

    @Test
    void givenTwoViolations_summary_readsSettingsValidationFailedWithPointerColonMessageJoinedBySemicolons() {
        SettingsValidation result = validate("""
                {"count": "three"}
                """);

        assertThat(result.summary()).contains("settings validation failed: "
                + "/count: string found, integer expected; "
                + "/name: required property 'name' not found");
    }

    @Test
    void givenAnyViolation_message_isASentenceWithoutARepeatedLocationPrefix() {
        SettingsValidation result = validate("""
                {"unit": "kelvin", "count": "x", "city": "x", "auth": {"token": "short"}}
                """);

        assertThat(result.violations()).isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.message()).doesNotStartWith("/").doesNotStartWith("$").doesNotStartWith(":")
                    .doesNotContain(violation.pointer() + ":").doesNotContain("$.");
            assertThat(violation.toString()).isEqualTo(violation.pointer() + ": " + violation.message());
        });
    }

    @Test
    void givenViolationOfTheWholeDocument_validate_usesEmptyPointerDisplayedAsSlash() {
        SettingsValidation result = policy.validate(spec("""
                {"type": "object", "minProperties": 1}
                """), JsonDocument.empty());

        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEmpty();
            assertThat(violation.displayPointer()).isEqualTo("/");
            assertThat(violation.keyword()).isEqualTo("minProperties");
        });
        assertThat(result.summary()).hasValueSatisfying(summary ->
                assertThat(summary).startsWith("settings validation failed: /: ").doesNotContain("//"));
    }

    @Test
    void givenPropertyNotAllowed_validate_pointsAtTheExtraProperty() {
        SettingsValidation result = policy.validate(spec("""
                {"type": "object", "additionalProperties": false, "properties": {"a": {}}}
                """), json("{\"a\": 1, \"b\": 2}"));

        assertThat(result.violations())
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/b", "additionalProperties"));
    }

    @Test
    void givenNameNeedingEscapes_validate_escapesThePointerPerRfc6901() {
        SettingsValidation result = policy.validate(spec("""
                {"type": "object", "required": ["a~b"], "properties": {"x/y": {"type": "string"}}}
                """), json("{\"x/y\": 1}"));

        assertThat(result.violations()).extracting(Violation::pointer).containsExactly("/a~0b", "/x~1y");
    }

    @Test
    void givenDependentRequiredMissing_validate_pointsAtEachMissingField() {
        SettingsValidation result = policy.validate(spec("""
                {"type": "object", "dependentRequired": {"proxy": ["proxyUser", "proxyPassword"]}}
                """), json("{\"proxy\": \"http://proxy\"}"));

        assertThat(result.violations())
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(
                        tuple("/proxyPassword", "dependentRequired"),
                        tuple("/proxyUser", "dependentRequired"));
        assertThat(result.violations().get(0).message()).contains("'proxyPassword'").contains("'proxy'");
    }

    @Test
    void givenInvalidSettings_require_throwsInvalidSettingsExceptionCarryingEveryViolation() {
        assertThatThrownBy(() -> policy.require(spec(SCHEMA), json("{\"count\": 0}")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("weather");
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/count", "/name");
                    assertThat(e.getMessage()).isEqualTo("settings validation failed: "
                            + "/count: must have a minimum value of 1; /name: required property 'name' not found");
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SETTINGS);
                    assertThat(e.code()).isEqualTo("invalid_settings");
                    assertThat(e.details()).containsEntry("plugin", "weather")
                            .containsEntry("violations", e.violations());
                });
    }

    @Test
    void givenValidSettings_require_returnsValidatedSettingsForThePlugin() {
        ValidatedSettings settings = policy.require(spec(SCHEMA), json("{\"name\": \"home\"}"));

        assertThat(settings.plugin()).isEqualTo("weather");
        assertThat(settings.value()).isEqualTo(json("{\"name\": \"home\"}"));
    }

    @Test
    void givenInputSchema_violationsOf_validatesTheDocumentWithoutPluginDefaults() {
        List<Violation> violations = policy.violationsOf("weather", "1.0.0", "input", json("""
                {"type": "object", "required": ["city"], "properties": {"days": {"type": "integer"}}}
                """), json("{\"days\": \"two\"}"));

        assertThat(violations)
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/city", "required"), tuple("/days", "type"));
    }
}
