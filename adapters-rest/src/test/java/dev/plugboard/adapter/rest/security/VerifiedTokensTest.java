package dev.plugboard.adapter.rest.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.rest.contract.Tokens;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token cache alone, at given instants: what it remembers, for how long, and what it
 * never answers for. (The full stack, with Micronaut's validator behind it: AuthCachesFullStackTest.)
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String SECRET = "verified-tokens-test-secret-of-32-bytes-or-more";

    private final VerifiedTokens tokens = new VerifiedTokens(new TimeClaimsValidator<>("0s"), Duration.ofSeconds(60));

    @Test
    void givenAVerifiedHs256Token_whenItIsLookedUpBeforeItsExp_thenItsClaimsAreFound() throws ParseException {
        String token = hs256(claims(Duration.ofMinutes(5)));
        tokens.remember(token, SignedJWT.parse(token), NOW);

        JWT found = tokens.find(token, NOW.plusSeconds(10)).orElseThrow();

        assertThat(found.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(found.serialize()).as("the token's signature is not kept").doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void givenARememberedToken_whenItIsLookedUpAfterItsExp_thenItIsNotFound_evenThoughTheEntryIsStillThere() throws ParseException {
        String token = hs256(claims(Duration.ofMinutes(5)));
        tokens.remember(token, SignedJWT.parse(token), NOW);

        assertThat(tokens.find(token, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1))).isEmpty();
    }

    @Test
    void givenARememberedToken_whenOneByteOfItsSignatureChanges_thenTheAlteredTokenIsNotFound() throws ParseException {
        String token = hs256(claims(Duration.ofMinutes(5)));
        tokens.remember(token, SignedJWT.parse(token), NOW);

        String altered = Tokens.withOneSignatureByteChanged(token);

        assertThat(altered).isNotEqualTo(token);
        assertThat(tokens.find(altered, NOW)).isEmpty();
        assertThat(tokens.find(token, NOW)).isPresent();
    }

    @Test
    void givenATokenNeverRemembered_whenLookedUp_thenItIsNotFound() {
        assertThat(tokens.find(hs256(claims(Duration.ofMinutes(5))), NOW)).isEmpty();
    }

    @Test
    void givenAnRs256Token_whenRemembered_thenItIsNotKept_becauseAKeySetCanChangeItsKeys() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(Duration.ofMinutes(5)));
        jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        String token = jwt.serialize();

        tokens.remember(token, SignedJWT.parse(token), NOW);

        assertThat(tokens.find(token, NOW)).isEmpty();
    }

    @Test
    void givenATokenAlreadyExpiredWhenVerified_whenRemembered_thenItIsNotKept() throws ParseException {
        String token = hs256(claims(Duration.ofSeconds(-1)));
        tokens.remember(token, SignedJWT.parse(token), NOW);

        assertThat(tokens.find(token, NOW.minusSeconds(5))).isEmpty();
    }

    @Test
    void givenATimeLimitOfZero_whenATokenIsRemembered_thenNothingIsKept() throws ParseException {
        VerifiedTokens off = new VerifiedTokens(new TimeClaimsValidator<>("0s"), Duration.ZERO);
        String token = hs256(claims(Duration.ofMinutes(5)));
        off.remember(token, SignedJWT.parse(token), NOW);

        assertThat(off.find(token, NOW)).isEmpty();
    }

    @Test
    void givenRememberedTokens_whenCleared_thenNoneIsFound() throws ParseException {
        String token = hs256(claims(Duration.ofMinutes(5)));
        tokens.remember(token, SignedJWT.parse(token), NOW);

        tokens.clear();

        assertThat(tokens.find(token, NOW)).isEmpty();
    }

    private static JWTClaimsSet claims(Duration expiresIn) {
        return new JWTClaimsSet.Builder().subject("alice").issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plus(expiresIn))).build();
    }

    private static String hs256(JWTClaimsSet claims) {
        return Tokens.hs256(claims, SECRET);
    }
}
