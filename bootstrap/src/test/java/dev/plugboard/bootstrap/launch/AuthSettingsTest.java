package dev.plugboard.bootstrap.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTest {

    private static final String JWKS = "https://idp.example.test/certs";

    @TempDir
    Path data;

    private LaunchConfiguration resolve(Map<String, Object> settings) {
        Map<String, Object> overrides = new HashMap<>(settings);
        overrides.put(LaunchConfiguration.DATA_DIR, data.toString());
        return LaunchConfiguration.resolve(overrides, true);
    }

    @Test
    void givenJwksWithoutIssuerOrAudience_theStartIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> resolve(Map.of(LaunchConfiguration.JWT_JWKS_URL, JWKS)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.auth.issuer (PLUGBOARD_AUTH_ISSUER) and plugboard.auth.audience"
                        + " (PLUGBOARD_AUTH_AUDIENCE) are not")
                .hasNoCause();
        assertThat(Files.exists(data.resolve("pgdata"))).as("refused before a database was started").isFalse();
    }

    @Test
    void givenJwksWithIssuerOnly_theMessageNamesTheAudience() {
        assertThatThrownBy(() -> resolve(Map.of(LaunchConfiguration.JWT_JWKS_URL, JWKS, AuthSettings.ISSUER, "https://idp")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.auth.audience (PLUGBOARD_AUTH_AUDIENCE) is not")
                .hasMessageNotContaining("PLUGBOARD_AUTH_ISSUER");
    }

    @Test
    void givenBadValues_theMessageNamesTheSettingAndTheValue() {
        assertThatThrownBy(() -> resolve(Map.of(AuthSettings.CLOCK_SKEW, "a minute")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.auth.clock-skew").hasMessageContaining("a minute").hasMessageContaining("duration");
        assertThatThrownBy(() -> resolve(Map.of(AuthSettings.CLOCK_SKEW, "1h")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("from 0s to 10m");
        assertThatThrownBy(() -> resolve(Map.of(AuthSettings.TRUST_TOKEN_ROLES, "yes")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.auth.trust-token-roles").hasMessageContaining("yes");
        assertThatThrownBy(() -> resolve(Map.of(LaunchConfiguration.JWT_JWKS_URL, "idp.example.test/certs",
                AuthSettings.ISSUER, "i", AuthSettings.AUDIENCE, "a")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("is not an http(s) URL");
    }

    @Test
    void givenModes_tokenRolesAreTrustedByDefaultOnlyWithoutJwks() {
        try (LaunchConfiguration hs256 = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString()), false);
             LaunchConfiguration jwks = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString(),
                     LaunchConfiguration.JWT_JWKS_URL, JWKS, AuthSettings.ISSUER, "https://idp", AuthSettings.AUDIENCE, "pb"), false);
             LaunchConfiguration trusted = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString(),
                     LaunchConfiguration.JWT_JWKS_URL, JWKS, AuthSettings.ISSUER, "https://idp", AuthSettings.AUDIENCE, "pb",
                     AuthSettings.TRUST_TOKEN_ROLES, "true"), false)) {
            assertThat(hs256.properties()).containsEntry(AuthSettings.TRUST_TOKEN_ROLES, true)
                    .doesNotContainKey("micronaut.security.token.jwt.claims-validators.issuer");
            assertThat(jwks.properties()).containsEntry(AuthSettings.TRUST_TOKEN_ROLES, false);
            assertThat(String.valueOf(trusted.properties().get(AuthSettings.TRUST_TOKEN_ROLES))).isEqualTo("true");
        }
    }

    @Test
    void givenAConsoleOidcIssuerWithoutClientId_theStartIsRefusedNamingTheClientId() {
        assertThatThrownBy(() -> resolve(Map.of(ConsoleOidcSettings.ISSUER, "https://sso.example.test/realms/acme")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.console.oidc.client-id (PLUGBOARD_CONSOLE_OIDC_CLIENT_ID) is not");
        assertThat(Files.exists(data.resolve("pgdata"))).as("refused before a database was started").isFalse();
    }

    @Test
    void givenConsoleOidcSettingsWithoutAnIssuer_theMessageNamesTheIssuerButNeverTheSecret() {
        assertThatThrownBy(() -> resolve(Map.of(ConsoleOidcSettings.CLIENT_SECRET, "s3cret-value-of-the-client")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("PLUGBOARD_CONSOLE_OIDC_CLIENT_SECRET").hasMessageContaining("PLUGBOARD_CONSOLE_OIDC_ISSUER")
                .hasMessageNotContaining("s3cret-value-of-the-client");
    }

    @Test
    void givenAConsoleOidcIssuerOrRedirectThatIsNoUrl_theMessageNamesTheSettingAndTheValue() {
        assertThatThrownBy(() -> resolve(Map.of(ConsoleOidcSettings.ISSUER, "sso.example.test", ConsoleOidcSettings.CLIENT_ID, "pb")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.console.oidc.issuer").hasMessageContaining("'sso.example.test' is not an http(s) URL");
        assertThatThrownBy(() -> resolve(Map.of(ConsoleOidcSettings.ISSUER, "https://sso.example.test", ConsoleOidcSettings.CLIENT_ID,
                "pb", ConsoleOidcSettings.REDIRECT_URI, "/console/oidc/callback")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.console.oidc.redirect-uri").hasMessageContaining("not an http(s) URL");
    }

    @Test
    void givenAConsoleOidcProvider_tokenRolesAreNotTrustedByDefault() {
        try (LaunchConfiguration oidc = LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString(),
                ConsoleOidcSettings.ISSUER, "https://sso.example.test/realms/acme", ConsoleOidcSettings.CLIENT_ID, "pb"), false)) {
            assertThat(oidc.properties()).containsEntry(AuthSettings.TRUST_TOKEN_ROLES, false);
        }
    }
}
