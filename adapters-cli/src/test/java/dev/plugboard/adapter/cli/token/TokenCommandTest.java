package dev.plugboard.adapter.cli.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TokenCommandTest {

    private TestPlugboard plugboard;

    @BeforeEach
    void fresh() {
        plugboard = Cli.reset();
    }

    @Test
    void givenUser_token_printsOnlyAnHs256TokenSignedWithTheServersSecret() throws Exception {
        CliResult result = Cli.run("token", "--user", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).hasSize(1);
        SignedJWT jwt = SignedJWT.parse(result.out().strip());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(Cli.SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getClaim("org")).isNull();
        assertThat(claims.getClaim("plan")).isNull();
        assertThat(claims.getIssueTime().toInstant()).isCloseTo(Instant.now(), within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(plugboard.uses()).as("token needs no database").isZero();
    }

    @Test
    void givenRolesOrgPlanAndTtl_token_carriesThemAll() throws Exception {
        CliResult result = Cli.run("token", "--user", "bob", "--role", "admin", "--role", "user", "--org", "acme",
                "--plan", "pro", "--ttl", "7d");

        JWTClaimsSet claims = SignedJWT.parse(result.out().strip()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin", "user");
        assertThat(claims.getStringClaim("org")).isEqualTo("acme");
        assertThat(claims.getStringClaim("plan")).isEqualTo("pro");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void givenTtlInOtherForms_token_acceptsThem() throws Exception {
        for (Map.Entry<String, Duration> ttl : Map.of("30m", Duration.ofMinutes(30), "8h", Duration.ofHours(8),
                "PT90M", Duration.ofMinutes(90), "P2D", Duration.ofDays(2)).entrySet()) {
            JWTClaimsSet claims = SignedJWT.parse(Cli.run("token", "--user", "a1", "--ttl", ttl.getKey()).out().strip())
                    .getJWTClaimsSet();
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .as(ttl.getKey()).isEqualTo(ttl.getValue());
        }
    }

    @Test
    void givenBadTtl_token_isAUsageError() {
        CliResult result = Cli.run("token", "--user", "alice", "--ttl", "forever");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Invalid value for option '--ttl': 'forever' is not a duration");
        assertThat(result.out()).isEmpty();
        assertThat(Cli.run("token", "--user", "alice", "--ttl", "0m").exitCode()).isEqualTo(2);
    }

    @Test
    void givenNoUser_token_isAUsageError() {
        CliResult result = Cli.run("token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Missing required option: '--user=USER'");
    }

    @Test
    void givenInvalidUserId_token_isInvalidInput() {
        assertThat(Cli.run("token", "--user", "a lice").exitCode()).isEqualTo(2);
    }

    @Test
    void givenShortOrMissingSecret_token_failsWithAClearMessage() {
        try (ApplicationContext shortSecret = ApplicationContext.builder()
                .properties(Map.of("plugboard.jwt.secret", "too-short")).start();
             ApplicationContext noSecret = ApplicationContext.builder().start()) {
            CliResult tooShort = Cli.run(shortSecret, "token", "--user", "alice");
            CliResult missing = Cli.run(noSecret, "token", "--user", "alice");

            assertThat(tooShort.exitCode()).isEqualTo(1);
            assertThat(tooShort.err()).startsWith("plugboard: error: the JWT secret is too short for HS256").doesNotContain("too-short");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).startsWith("plugboard: error: no JWT secret found: PLUGBOARD_JWT_SECRET is not set")
                    .contains("PLUGBOARD_DATA_DIR");
            assertThat(tooShort.out() + missing.out()).isEmpty();
        }
    }

    @Test
    void givenIssuerAudienceAndNestedRolesClaim_token_carriesThemWhereTheServerChecks() throws Exception {
        try (ApplicationContext jwksMode = ApplicationContext.builder().properties(Map.of("plugboard.jwt.secret", Cli.SECRET,
                "plugboard.auth.issuer", "https://idp.example.test", "plugboard.auth.audience", "plugboard",
                "plugboard.auth.roles-claim", "realm_access.roles", "plugboard.auth.trust-token-roles", false)).start()) {
            CliResult result = Cli.run(jwksMode, "token", "--user", "alice", "--role", "admin");

            JWTClaimsSet claims = SignedJWT.parse(result.out().strip()).getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("https://idp.example.test");
            assertThat(claims.getAudience()).containsExactly("plugboard");
            assertThat(claims.getJSONObjectClaim("realm_access")).containsEntry("roles", java.util.List.of("admin"));
            assertThat(claims.getExpirationTime()).isNotNull();
            assertThat(result.err()).contains("trust-token-roles is false", "plugboard admins grant alice --role ROLE");
        }
    }

    @Test
    void givenTokenItSigned_check_acceptsItWithoutPrintingIt() {
        String token = Cli.run("token", "--user", "alice", "--org", "acme").out().strip();

        CliResult result = Cli.run("token", "--check", token);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("accepted: user alice, organization acme, expires ").doesNotContain(token);
        assertThat(plugboard.uses()).as("checking needs no database").isZero();
    }

    @Test
    void givenBadTokens_check_saysWhyEachIsRefusedWithoutEchoingIt() throws Exception {
        Map<String, String> expected = Map.of(
                "not-a-jwt", "rejected: malformed",
                signed(Cli.SECRET, claims().expirationTime(ago(Duration.ofHours(2)))), "rejected: expired at ",
                signed("another-secret-of-at-least-32-characters!", claims()), "rejected: bad signature",
                signed(Cli.SECRET, new JWTClaimsSet.Builder().subject("alice")), "rejected: it has no expiry (exp)");
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            CliResult result = Cli.run("token", "--check", bad.getKey());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).startsWith("plugboard: error: " + bad.getValue()).doesNotContain(bad.getKey());
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void givenIssuerAndAudienceConfigured_check_refusesATokenForOthers() throws Exception {
        try (ApplicationContext strict = ApplicationContext.builder().properties(Map.of("plugboard.jwt.secret", Cli.SECRET,
                "plugboard.auth.issuer", "https://idp.example.test", "plugboard.auth.audience", "plugboard")).start()) {
            CliResult noIssuer = Cli.run(strict, "token", "--check", signed(Cli.SECRET, claims()));
            CliResult otherAudience = Cli.run(strict, "token", "--check",
                    signed(Cli.SECRET, claims().issuer("https://idp.example.test").audience("billing")));

            assertThat(noIssuer.err()).startsWith("plugboard: error: rejected: wrong issuer: the server expects iss"
                    + " 'https://idp.example.test', the token has none");
            assertThat(otherAudience.err()).startsWith("plugboard: error: rejected: wrong audience:").contains("[billing]");
            assertThat(noIssuer.exitCode() + otherAudience.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void givenCheckWithUser_token_isAUsageError() {
        CliResult result = Cli.run("token", "--check", "x.y.z", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--check takes no --user");
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("alice").expirationTime(ago(Duration.ofMinutes(-30)));
    }

    private static java.util.Date ago(Duration duration) {
        return java.util.Date.from(Instant.now().minus(duration));
    }

    private static String signed(String secret, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
