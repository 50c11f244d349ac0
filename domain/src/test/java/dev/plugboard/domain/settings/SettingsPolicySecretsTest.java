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

    @Test
    void givenWriteOnlyFieldsAtTopLevelAndNested_secretPointers_listsBoth() {
        assertThat(policy.secretPointers(SPEC)).containsExactlyInAnyOrder("/apiKey", "/auth/token");
    }

    @Test
    void givenSchemaWithoutSecrets_secretPointers_isEmpty() {
        assertThat(policy.secretPointers(spec("{\"properties\": {\"a\": {\"type\": \"string\"}}}"))).isEmpty();
    }

    @Test
    void givenValidation_validate_reportsTheSecretPointers() {
        assertThat(policy.validate(SPEC, JsonDocument.empty()).secretPointers())
                .containsExactlyInAnyOrder("/apiKey", "/auth/token");
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
    void givenSecretsOmittedOrSentBackRedacted_keepUnchangedSecrets_restoresTheStoredValues() {
        JsonDocument previous = json("""
                {"name": "old", "apiKey": "sk-123", "auth": {"user": "bob", "token": "t-456"}}
                """);
        JsonDocument next = json("""
                {"name": "new", "apiKey": "(set)", "auth": {"user": "alice"}}
                """);

        JsonDocument kept = policy.keepUnchangedSecrets(SPEC, previous, next);

        assertThat(kept).isEqualTo(json("""
                {"name": "new", "apiKey": "sk-123", "auth": {"user": "alice", "token": "t-456"}}
                """));
    }

    @Test
    void givenNewSecretValues_keepUnchangedSecrets_takesTheNewValues() {
        JsonDocument previous = json("{\"apiKey\": \"sk-old\", \"auth\": {\"token\": \"t-old\"}}");
        JsonDocument next = json("{\"apiKey\": \"sk-new\", \"auth\": {\"token\": \"t-new\"}}");

        assertThat(policy.keepUnchangedSecrets(SPEC, previous, next)).isEqualTo(next);
    }

    @Test
    void givenNoStoredSecrets_keepUnchangedSecrets_returnsTheNewSettingsAsSent() {
        JsonDocument next = json("{\"name\": \"new\"}");

        assertThat(policy.keepUnchangedSecrets(SPEC, JsonDocument.empty(), next)).isEqualTo(next);
    }

    @Test
    void givenPlaceholderForASecretNeverStored_keepUnchangedSecrets_dropsItInsteadOfSavingIt() {
        JsonDocument next = json("{\"name\": \"n\", \"apiKey\": \"(set)\", \"auth\": {\"user\": \"u\", \"token\": \"(set)\"}}");

        JsonDocument kept = policy.keepUnchangedSecrets(SPEC, JsonDocument.empty(), next);

        assertThat(kept).isEqualTo(json("{\"name\": \"n\", \"auth\": {\"user\": \"u\"}}"));
    }
}
