package dev.plugboard.domain.settings;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.plugboard.domain.settings.SettingsFixtures.json;
import static dev.plugboard.domain.settings.SettingsFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

/** Validated settings are stored with every secret sealed on its own and shown as set. */
class SealedSettingsTest {

    /** Reversible and bound to the pointer, so a test can see where each value went. */
    private static final SecretSealer TAGGING = new SecretSealer() {
        @Override
        public String seal(String pointer, String valueJson) {
            return "sealed(" + pointer + ")" + new StringBuilder(valueJson).reverse();
        }

        @Override
        public String open(String pointer, String sealed) {
            String prefix = "sealed(" + pointer + ")";
            if (!sealed.startsWith(prefix)) {
                throw new IllegalStateException("sealed for another place");
            }
            return new StringBuilder(sealed.substring(prefix.length())).reverse().toString();
        }
    };

    private final SettingsPolicy policy = new SettingsPolicy();
    private final SettingsSpec spec = spec("""
            {"properties": {"url": {"type": "string"}, "token": {"type": "string", "writeOnly": true},
                            "limits": {"type": "object", "writeOnly": true}}}
            """);

    @Test
    void givenSecrets_seal_hidesThemInTheVisibleDocumentAndSealsEachOnItsOwn() {
        JsonDocument settings = json("{\"url\": \"https://x\", \"token\": \"tok-1\", \"limits\": {\"max\": 3}}");
        ValidatedSettings valid = policy.require(spec, settings);

        SealedSettings sealed = valid.seal(policy.secretPointers(spec, settings), TAGGING);

        assertThat(sealed.visible()).isEqualTo(json("{\"url\": \"https://x\", \"token\": \"(set)\", \"limits\": \"(set)\"}"));
        assertThat(sealed.secrets().pointers()).containsExactly("/limits", "/token");
        assertThat(sealed.secrets().toString()).doesNotContain("tok-1");
        assertThat(SealedSettings.open(sealed.visible(), sealed.secrets(), TAGGING)).isEqualTo(settings);
    }

    @Test
    void givenNoSecretPointers_seal_keepsEverythingVisible() {
        JsonDocument settings = json("{\"url\": \"https://x\"}");

        SealedSettings sealed = policy.require(spec, settings).seal(Set.of(), TAGGING);

        assertThat(sealed.visible()).isEqualTo(settings);
        assertThat(sealed.secrets().isEmpty()).isTrue();
    }
}
