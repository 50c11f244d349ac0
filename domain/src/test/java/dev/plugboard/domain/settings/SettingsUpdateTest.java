package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An update is a JSON Merge Patch over the stored settings; placeholders keep stored secrets. */
class SettingsUpdateTest {

    private static final SettingsSpec SPEC = spec("""
            {"properties": {"name": {"type": "string"}, "apiKey": {"type": "string", "writeOnly": true},
                            "auth": {"type": "object", "properties": {"user": {"type": "string"},
                                                                      "token": {"type": "string", "writeOnly": true}}},
                            "keys": {"type": "array", "items": {"type": "string", "writeOnly": true}}}}
            """);
    private static final JsonDocument STORED = json("""
            {"name": "old", "apiKey": "sk-123", "auth": {"user": "bob", "token": "t-456"}}
            """);
    private static final Set<String> STORED_SECRETS = Set.of("/apiKey", "/auth/token");

    private final SettingsPolicy policy = new SettingsPolicy();

    private JsonDocument propose(String patch) {
        return SettingsUpdate.propose(policy, SPEC, STORED, STORED_SECRETS, json(patch));
    }

    @Test
    void givenOmittedFields_propose_keepsThemSecretsIncluded() {
        assertThat(propose("{\"name\": \"new\"}")).isEqualTo(json("""
                {"name": "new", "apiKey": "sk-123", "auth": {"user": "bob", "token": "t-456"}}
                """));
    }

    @Test
    void givenExplicitNull_propose_removesTheFieldSecretsIncluded() {
        assertThat(propose("{\"apiKey\": null, \"auth\": {\"token\": null}, \"name\": null}"))
                .isEqualTo(json("{\"auth\": {\"user\": \"bob\"}}"));
    }

    @Test
    void givenPlaceholderSentBack_propose_keepsTheStoredSecret() {
        assertThat(propose("{\"apiKey\": \"(set)\", \"auth\": {\"token\": \"(set)\", \"user\": \"al\"}}"))
                .isEqualTo(json("{\"name\": \"old\", \"apiKey\": \"sk-123\", \"auth\": {\"user\": \"al\", \"token\": \"t-456\"}}"));
    }

    @Test
    void givenNewSecretValue_propose_takesIt() {
        assertThat(propose("{\"apiKey\": \"sk-new\"}").at("/apiKey")).contains("sk-new");
    }

    @Test
    void givenPlaceholderForASecretNeverStored_propose_dropsIt() {
        JsonDocument proposed = SettingsUpdate.propose(policy, SPEC, JsonDocument.empty(), Set.of(),
                json("{\"name\": \"n\", \"apiKey\": \"(set)\", \"auth\": {\"user\": \"u\", \"token\": \"(set)\"}}"));

        assertThat(proposed).isEqualTo(json("{\"name\": \"n\", \"auth\": {\"user\": \"u\"}}"));
    }

    @Test
    void givenPlaceholderInAnArrayWithNothingStored_propose_refusesItNamingThePointer() {
        assertThatThrownBy(() -> propose("{\"keys\": [\"k1\", \"(set)\"]}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("settings/keys/1");
                    assertThat(e.getMessage()).contains("none is stored");
                });
    }

    @Test
    void givenSecretStoredUnderAFieldNoLongerWriteOnly_propose_stillTreatsItAsSecret() {
        SettingsSpec relaxed = spec("{\"properties\": {\"apiKey\": {\"type\": \"string\"}}}");

        JsonDocument proposed = SettingsUpdate.propose(policy, relaxed, json("{\"apiKey\": \"sk-1\"}"), Set.of("/apiKey"),
                json("{\"apiKey\": \"(set)\"}"));

        assertThat(proposed.at("/apiKey")).contains("sk-1");
    }

    @Test
    void mergePatch_followsRfc7396Examples() {
        assertThat(MergePatch.apply(json("{\"a\": \"b\", \"c\": {\"d\": \"e\", \"f\": \"g\"}}"),
                json("{\"a\": \"z\", \"c\": {\"f\": null}}"))).isEqualTo(json("{\"a\": \"z\", \"c\": {\"d\": \"e\"}}"));
        assertThat(MergePatch.apply(json("{\"a\": [1, 2]}"), json("{\"a\": [3]}"))).isEqualTo(json("{\"a\": [3]}"));
        assertThat(MergePatch.apply(json("{\"a\": \"x\"}"), json("{\"a\": {\"b\": null, \"c\": 1}}")))
                .isEqualTo(json("{\"a\": {\"c\": 1}}"));
        assertThat(MergePatch.apply(JsonDocument.empty(), json("{\"a\": null}"))).isEqualTo(JsonDocument.empty());
    }
}
