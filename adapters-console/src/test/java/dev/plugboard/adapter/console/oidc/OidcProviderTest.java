package dev.plugboard.adapter.console.oidc;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider's discovery over real HTTP: an unreachable provider, or one whose document names
 * another issuer (a provider impersonating the configured one), is refused with a message a person
 * can act on, and the client secret is in neither the message nor the button.
 */
class OidcProviderTest {

    private static final String SECRET = "client-secret-that-must-not-show";
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/console/oidc/callback");

    private static OidcProvider provider(String issuer) {
        return new OidcProvider(issuer, "plugboard-console", SECRET, "", List.of("openid"), "60s");
    }

    @Test
    void givenAnUnreachableProvider_startingASignIn_isRefusedAsABadGateway() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OidcProvider provider = provider("http://127.0.0.1:" + closed);

        assertThatThrownBy(() -> provider.authorization(CALLBACK, OidcFlow.start("/console", Instant.now())))
                .isInstanceOfSatisfying(OidcRefusal.class, refusal -> assertThat(refusal.status().getCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode()))
                .hasMessageContaining("could not be reached").hasMessageNotContaining(SECRET);
        assertThat(provider.label()).isEqualTo("Sign in with 127.0.0.1").doesNotContain(SECRET);
    }

    @Test
    void givenADiscoveryDocumentForAnotherIssuer_startingASignIn_isRefused() throws IOException {
        HttpServer impostor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] document = """
                {"issuer": "https://someone-else.example", "authorization_endpoint": "https://someone-else.example/a",
                 "token_endpoint": "https://someone-else.example/t", "jwks_uri": "https://someone-else.example/k",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".getBytes(StandardCharsets.UTF_8);
        impostor.createContext("/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(document);
            }
        });
        impostor.start();
        try {
            OidcProvider provider = provider("http://127.0.0.1:" + impostor.getAddress().getPort());

            assertThatThrownBy(() -> provider.authorization(CALLBACK, OidcFlow.start("/console", Instant.now())))
                    .isInstanceOfSatisfying(OidcRefusal.class, refusal -> assertThat(refusal.status().getCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode()))
                    .hasMessageContaining("did not answer with its OpenID configuration");
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void givenAFlow_itsCookieValue_roundTripsAndATamperedOneIsUnreadable() {
        OidcFlow flow = OidcFlow.start("/console/runs?status=failed", Instant.ofEpochSecond(1_700_000_000));

        assertThat(OidcFlow.decode(flow.encode())).hasValueSatisfying(read -> {
            assertThat(read.state()).isEqualTo(flow.state());
            assertThat(read.nonce()).isEqualTo(flow.nonce());
            assertThat(read.verifier().getValue()).isEqualTo(flow.verifier().getValue());
            assertThat(read.next()).isEqualTo("/console/runs?status=failed");
            assertThat(read.expiredAt(flow.startedAt().plus(OidcFlow.LIFETIME).plusSeconds(1))).isTrue();
        });
        assertThat(OidcFlow.decode("not base64 !")).isEmpty();
        assertThat(OidcFlow.decode("c3RhdGUtb25seQ")).isEmpty();
    }
}
