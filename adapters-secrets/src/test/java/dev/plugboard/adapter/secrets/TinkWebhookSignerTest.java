package dev.plugboard.adapter.secrets;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TinkWebhookSignerTest {

    private final TinkWebhookSigner signer = new TinkWebhookSigner();
    private final byte[] content = "1767225600.{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsPlainHmacSha256_soThatSendersCanUseAnyLibraryOrOpenssl() throws Exception {
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec("a-webhook-secret-of-32-characters".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(reference.doFinal(content));
        assertThat(signer.sign("a-webhook-secret-of-32-characters", content)).isEqualTo(expected);
        assertThat(signer.verify("a-webhook-secret-of-32-characters", content, expected)).isTrue();
    }

    @Test
    void refusesAnotherSecretAnotherBodyAndGarbage() {
        String good = signer.sign("a-webhook-secret-of-32-characters", content);
        assertThat(signer.verify("another-secret-of-enough-length!", content, good)).isFalse();
        assertThat(signer.verify("a-webhook-secret-of-32-characters", "1767225600.{}".getBytes(StandardCharsets.UTF_8), good))
                .isFalse();
        assertThat(signer.verify("a-webhook-secret-of-32-characters", content, "not hex")).isFalse();
        assertThat(signer.verify("a-webhook-secret-of-32-characters", content, good.substring(0, 10))).isFalse();
    }

    @Test
    void aSecretTooShortForHmacIsAClearError() {
        assertThatThrownBy(() -> signer.sign("short", content)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook secret");
    }
}
