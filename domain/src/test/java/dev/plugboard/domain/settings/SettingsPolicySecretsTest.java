package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsPolicySecretsTest {

    private static final SettingsSpec SPEC = spec("""
            {
              "type": "object",
              "properties": {
                "name":   {"type": "string"},
                "apiKey": {"type": "string", "writeOnly": true},
                "auth": {
                  "type": "object",
                  "properties": {
                    "user":  {"type": "string"},
                    "token": {"type": "string", "writeOnly": true}
                  }
                },
                "flag": {"type": "boolean", "writeOnly": false}
              }
            }
            """);

    private final SettingsPolicy policy = new SettingsPolicy();

    private static final JsonDocument ALL_SET = json("""
            {"name": "home", "apiKey": "sk-123", "auth": {"user": "bob", "token": "t-456"}, "flag": true}
            """);

    @Test
    void givenWriteOnlyFieldsAtTopLevelAndNested_secretPointers_listsBoth() {
        assertThat(policy.secretPointers(SPEC, ALL_SET)).containsExactlyInAnyOrder("/apiKey", "/auth/token");
    }

    @Test
    void givenSecretsNotSet_secretPointers_listsOnlyThoseSet() {
        assertThat(policy.secretPointers(SPEC, json("{\"auth\": {\"token\": \"t\"}}"))).containsExactly("/auth/token");
    }

    @Test
    void givenSchemaWithoutSecrets_secretPointers_isEmpty() {
        assertThat(policy.secretPointers(spec("{\"properties\": {\"a\": {\"type\": \"string\"}}}"), json("{\"a\": \"x\"}")))
                .isEmpty();
    }

    @Test
    void givenValidation_validate_reportsTheSecretPointersOfTheEffectiveSettings() {
        assertThat(policy.validate(SPEC, ALL_SET).secretPointers()).containsExactlyInAnyOrder("/apiKey", "/auth/token");
        assertThat(policy.validate(SPEC, JsonDocument.empty()).secretPointers()).isEmpty();
    }

    @Test
    void givenHookProblemsThatEchoASecret_withProblems_masksItWhateverTheirField() {
        SettingsValidation valid = policy.validate(SPEC, ALL_SET);

        SettingsValidation refused = valid.withProblems(java.util.List.of(
                new Violation("", "validate", "the service refused key sk-123 for user bob"),
                new Violation("/name", "validate", "home is unknown (token t-456)")));

        assertThat(refused.isValid()).isFalse();
        assertThat(refused.violations().toString()).doesNotContain("sk-123").doesNotContain("t-456")
                .contains("refused key (secret) for user bob").contains("home is unknown (token (secret))");
        assertThat(valid.withProblems(java.util.List.of())).isSameAs(valid);
    }

    @Test
    void givenViolationAtASecret_validate_neverEchoesItsValue() {
        SettingsSpec spec = spec("""
                {"properties": {"key": {"type": "string", "writeOnly": true, "enum": ["a-long-allowed-value"]},
                                "pin": {"type": "string", "writeOnly": true, "const": "0000"}}}
                """);

        SettingsValidation validation = policy.validate(spec, json("{\"key\": \"hunter2-secret\", \"pin\": \"9876\"}"));

        assertThat(validation.violations()).hasSize(2);
        assertThat(validation.violations().toString()).doesNotContain("hunter2-secret").doesNotContain("9876");
        assertThat(validation.summary().orElseThrow()).doesNotContain("hunter2-secret");
    }

    @Test
    void givenSetSecrets_redact_replacesThemWithSetMarkerAndKeepsTheRest() {
        JsonDocument settings = json("""
                {"name": "home", "apiKey": "sk-123", "auth": {"user": "bob", "token": "t-456"}}
                """);

        JsonDocument redacted = policy.redact(SPEC, settings);

        assertThat(redacted).isEqualTo(json("""
                {"name": "home", "apiKey": "(set)", "auth": {"user": "bob", "token": "(set)"}}
                """));
        assertThat(redacted.toJson()).doesNotContain("sk-123").doesNotContain("t-456");
        assertThat(settings.at("/apiKey")).contains("sk-123");
    }

    @Test
    void givenUnsetSecrets_redact_leavesThemAbsent() {
        JsonDocument redacted = policy.redact(SPEC, json("{\"name\": \"home\", \"auth\": {\"user\": \"bob\"}}"));

        assertThat(redacted).isEqualTo(json("{\"name\": \"home\", \"auth\": {\"user\": \"bob\"}}"));
        assertThat(redacted.has("apiKey")).isFalse();
        assertThat(redacted.at("/auth/token")).isEmpty();
    }

    @Test
    void givenAGuessedSecretSentAsAnotherFieldsValue_validate_doesNotMaskItThere() {
        SettingsSpec spec = spec("""
                {"properties": {"key": {"type": "string", "writeOnly": true}}, "additionalProperties": false}
                """);

        SettingsValidation validation = policy.validate(spec, json("{\"key\": \"guess-me-123\", \"guess-me-123\": 1}"));

        assertThat(validation.violations().toString()).contains("guess-me-123").doesNotContain("(secret)");
    }

    @Test
    void givenStoredSettingsWhoseSecretsReadSet_requireStored_judgesSecretsByPresenceOnly() {
        SettingsSpec spec = spec("""
                {"required": ["key"], "properties": {"key": {"type": "string", "writeOnly": true, "minLength": 16},
                                                     "n": {"type": "integer"}}}
                """);

        policy.requireStored(spec, json("{\"key\": \"(set)\"}"), java.util.Set.of("/key"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        policy.requireStored(spec, json("{\"key\": \"(set)\", \"n\": \"x\"}"), java.util.Set.of("/key")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e ->
                        assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/n"));
    }
}
