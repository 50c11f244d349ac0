package dev.plugboard.adapter.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * CSRF tokens bound to the session: a hash of the session secret, which only the server and the
 * session's own pages know (the cookie is {@code HttpOnly}), so nothing needs storing.
 */
final class CsrfTokens {

    static final String HEADER = "X-CSRF-Token";
    static final String FIELD = "_csrf";

    private CsrfTokens() {
    }

    static String of(String sessionSecret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("csrf:" + sessionSecret));
    }

    static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(digest(expected), digest(presented));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
