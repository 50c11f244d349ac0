package dev.plugboard.adapter.console.oidc;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One sign-in through the identity provider, from the redirect there to the way back: the state
 * and nonce the answer must carry, the PKCE verifier, the console page to return to and when it
 * began. It travels in a short-lived cookie, so that any instance can finish it.
 */
record OidcFlow(State state, Nonce nonce, CodeVerifier verifier, String next, Instant startedAt) {

    /** How long a person may take at the identity provider. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final String SEPARATOR = "\n";

    static OidcFlow start(String next, Instant now) {
        return new OidcFlow(new State(), new Nonce(), new CodeVerifier(), next, now);
    }

    boolean expiredAt(Instant now) {
        return now.isAfter(startedAt.plus(LIFETIME));
    }

    String encode() {
        String text = String.join(SEPARATOR, state.getValue(), nonce.getValue(), verifier.getValue(), next,
                Long.toString(startedAt.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for a value this class did not write (an old or tampered cookie). */
    static Optional<OidcFlow> decode(String cookie) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length != 5) {
                return Optional.empty();
            }
            return Optional.of(new OidcFlow(new State(parts[0]), new Nonce(parts[1]), new CodeVerifier(parts[2]), parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
