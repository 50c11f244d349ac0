package dev.plugboard.bootstrap.launch;

import io.micronaut.context.env.Environment;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks the console's OpenID provider settings before anything starts: an issuer (an http(s)
 * URL whose discovery document the console reads) needs a client id, and the other settings
 * mean nothing without an issuer. The client secret is never repeated in a message.
 */
final class ConsoleOidcSettings {

    static final String PREFIX = "plugboard.console.oidc.";
    static final String ISSUER = PREFIX + "issuer";
    static final String CLIENT_ID = PREFIX + "client-id";
    static final String CLIENT_SECRET = PREFIX + "client-secret";
    static final String REDIRECT_URI = PREFIX + "redirect-uri";
    static final String PROVIDER_NAME = PREFIX + "provider-name";
    static final String SCOPES = PREFIX + "scopes";

    private ConsoleOidcSettings() {
    }

    /** Whether the console signs in through an OpenID provider. */
    static boolean configured(Environment environment) {
        return text(environment, ISSUER).isPresent();
    }

    /** @throws InvalidConfigurationException naming the setting that is missing or unusable */
    static void check(Environment environment) {
        Optional<String> issuer = text(environment, ISSUER);
        if (issuer.isEmpty()) {
            for (String other : List.of(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, PROVIDER_NAME, SCOPES)) {
                if (text(environment, other).isPresent()) {
                    throw new InvalidConfigurationException(other + " (" + variable(other) + ") is set but " + ISSUER
                            + " (PLUGBOARD_CONSOLE_OIDC_ISSUER) is not: set the issuer URL of your OpenID provider,"
                            + " e.g. https://sso.example.com/realms/acme, or unset " + variable(other));
                }
            }
            return;
        }
        httpUrl(ISSUER, issuer.get(), "https://sso.example.com/realms/acme");
        if (text(environment, CLIENT_ID).isEmpty()) {
            throw new InvalidConfigurationException(ISSUER + " is set but " + CLIENT_ID + " (PLUGBOARD_CONSOLE_OIDC_CLIENT_ID)"
                    + " is not: set the client id the provider gave the console");
        }
        text(environment, REDIRECT_URI).ifPresent(uri -> httpUrl(REDIRECT_URI, uri,
                "https://plugboard.example.com/console/oidc/callback"));
    }

    private static void httpUrl(String key, String value, String example) {
        try {
            URI uri = URI.create(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new InvalidConfigurationException(key + " (" + variable(key) + ") '" + value + "' is not an http(s) URL;"
                + " write e.g. " + example);
    }

    private static String variable(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Optional<String> text(Environment environment, String key) {
        return environment.getProperty(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }
}
