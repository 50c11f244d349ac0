package dev.plugboard.adapter.secrets;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.mac.HmacKey;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.subtle.PrfMac;
import com.google.crypto.tink.util.SecretBytes;
import dev.plugboard.application.port.out.workflow.WebhookSigner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Webhook signatures with Tink's HMAC-SHA256 (full 32-byte tags, no Tink prefix, so that a sender
 * can compute the same value with {@code openssl dgst -sha256 -hmac <secret>}); Tink verifies in
 * constant time.
 */
public final class TinkWebhookSigner implements WebhookSigner {

    private static final int TAG_BYTES = 32;

    @Override
    public String sign(String secret, byte[] content) {
        try {
            return HexFormat.of().formatHex(mac(secret).computeMac(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the webhook secret can't key HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(String secret, byte[] content, String hexSignature) {
        byte[] tag;
        try {
            tag = HexFormat.of().parseHex(hexSignature);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        try {
            mac(secret).verifyMac(tag, content);
            return true;
        } catch (GeneralSecurityException mismatch) {
            return false;
        }
    }

    private static Mac mac(String secret) throws GeneralSecurityException {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        HmacParameters parameters = HmacParameters.builder().setKeySizeBytes(key.length).setTagSizeBytes(TAG_BYTES)
                .setHashType(HmacParameters.HashType.SHA256).setVariant(HmacParameters.Variant.NO_PREFIX).build();
        return PrfMac.create(HmacKey.builder().setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build());
    }
}
