package dev.plugboard.adapter.rest.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class TimeClaimsValidatorTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final TimeClaimsValidator<Object> validator = new TimeClaimsValidator<>("60s");

    private static JWTClaimsSet.Builder claims(Duration expiresIn) {
        return new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(NOW.plus(expiresIn)));
    }

    @Test
    void givenLiveToken_itIsValid() {
        assertThat(validator.validate(claims(Duration.ofMinutes(5)).issueTime(Date.from(NOW)).build(), NOW)).isTrue();
    }

    @Test
    void givenNoExp_itIsRefused() {
        assertThat(validator.validate(new JWTClaimsSet.Builder().subject("alice").build(), NOW)).isFalse();
    }

    @Test
    void givenExpPassed_itIsValidWithinTheSkewAndRefusedBeyondIt() {
        assertThat(validator.validate(claims(Duration.ofSeconds(-30)).build(), NOW)).isTrue();
        assertThat(validator.validate(claims(Duration.ofSeconds(-61)).build(), NOW)).isFalse();
    }

    @Test
    void givenNbfOrIatInTheFuture_itIsValidWithinTheSkewAndRefusedBeyondIt() {
        Duration hour = Duration.ofHours(1);
        assertThat(validator.validate(claims(hour).notBeforeTime(Date.from(NOW.plusSeconds(30))).build(), NOW)).isTrue();
        assertThat(validator.validate(claims(hour).notBeforeTime(Date.from(NOW.plusSeconds(90))).build(), NOW)).isFalse();
        assertThat(validator.validate(claims(hour).issueTime(Date.from(NOW.plusSeconds(30))).build(), NOW)).isTrue();
        assertThat(validator.validate(claims(hour).issueTime(Date.from(NOW.plusSeconds(90))).build(), NOW)).isFalse();
    }
}
