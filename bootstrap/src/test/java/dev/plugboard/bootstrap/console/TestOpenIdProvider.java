package dev.plugboard.bootstrap.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A small OpenID provider on 127.0.0.1 for tests: a discovery document, a JWKS with a real RSA
 * key, an authorize endpoint that signs the next user in at once (redirecting back with a code),
 * and a token endpoint that checks the client secret, the redirect URI and the PKCE verifier
 * against the S256 challenge before it returns an RS256-signed ID token.
 */
final class TestOpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "plugboard-console";
    static final String CLIENT_SECRET = "test-client-secret-never-shown";

    private record Grant(String challenge, String nonce, String redirectUri, JWTClaimsSet.Builder claims) {
    }

    private final HttpServer server;
    private final String host;
    private final RSAKey key;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String nextUser = "alice";
    private volatile Consumer<JWTClaimsSet.Builder> nextClaims = claims -> { };
    private volatile String nextError;
    private volatile boolean byHand;

    private TestOpenIdProvider(HttpServer server, String host, RSAKey key) {
        this.server = server;
        this.host = host;
        this.key = key;
    }

    static TestOpenIdProvider start() {
        return start("127.0.0.1");
    }

    /** Listening on 127.0.0.1, named {@code host} in its issuer ("localhost" makes it another site than 127.0.0.1). */
    static TestOpenIdProvider start(String host) {
        try {
            TestOpenIdProvider idp = new TestOpenIdProvider(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0),
                    host, new RSAKeyGenerator(2048).keyID("test-idp-key").generate());
            idp.server.createContext("/.well-known/openid-configuration", idp::discovery);
            idp.server.createContext("/jwks", exchange -> idp.send(exchange, 200,
                    new JWKSet(idp.key.toPublicJWK()).toString(true)));
            idp.server.createContext("/authorize", idp::authorize);
            idp.server.createContext("/token", idp::token);
            idp.server.start();
            return idp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** Who signs in next, and what to change in their ID token (for tests of refused tokens). */
    void nextSignIn(String user, Consumer<JWTClaimsSet.Builder> claims) {
        this.nextUser = user;
        this.nextClaims = claims;
        this.nextError = null;
    }

    /**
     * Whether the user approves on a page of the provider (a link back), as at a real provider, so
     * that the way back is a navigation started by the provider's site; otherwise at once.
     */
    void approveByHand(boolean byHand) {
        this.byHand = byHand;
    }

    /** The next authorization ends with this OAuth error instead of a code. */
    void nextRefusal(String error) {
        this.nextError = error;
    }

    /** Authorizes as another browser would, with its own PKCE challenge: the code an attacker could inject. */
    String codeForAnotherBrowser(String redirectUri) {
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue();
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(challenge, "attacker-nonce", redirectUri, claims("mallory", "attacker-nonce")));
        return code;
    }

    /** Every code, PKCE verifier, access token and ID token that crossed this provider so far. */
    List<String> handedOut() {
        return List.copyOf(handedOut);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = Map.of("issuer", issuer(), "authorization_endpoint", issuer() + "/authorize",
                "token_endpoint", issuer() + "/token", "jwks_uri", issuer() + "/jwks",
                "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"), "code_challenge_methods_supported", List.of("S256"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        send(exchange, 200, json.writeValueAsString(document));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirect = query.get("redirect_uri");
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || !query.getOrDefault("scope", "").contains("openid") || redirect == null) {
            send(exchange, 400, "bad authorization request: " + query.keySet());
            return;
        }
        String state = "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        if (nextError != null) {
            redirect(exchange, redirect + "?error=" + nextError + "&error_description=The+user+said+no" + state);
            return;
        }
        String code = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = claims(nextUser, query.get("nonce"));
        nextClaims.accept(claims);
        codes.put(code, new Grant(query.get("code_challenge"), query.get("nonce"), redirect, claims));
        handedOut.add(code);
        String back = redirect + "?code=" + code + state;
        if (byHand) {
            send(exchange, 200, "<!DOCTYPE html><html lang=\"en\"><head><title>Test IdP</title></head><body><main>"
                    + "<h1>Test IdP</h1><a id=\"approve\" href=\"" + back.replace("&", "&amp;") + "\">Approve</a></main></body></html>");
            return;
        }
        redirect(exchange, back);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        String verifier = body.get("code_verifier");
        if (grant == null || !"authorization_code".equals(body.get("grant_type")) || verifier == null
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue()
                .equals(grant.challenge())) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> tokens = Map.of("access_token", "access-" + UUID.randomUUID(), "token_type", "Bearer",
                "expires_in", 300, "id_token", sign(grant.claims().build()));
        handedOut.addAll(List.of(verifier, (String) tokens.get("access_token"), (String) tokens.get("id_token")));
        send(exchange, 200, json.writeValueAsString(tokens));
    }

    private JWTClaimsSet.Builder claims(String user, String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).subject(user).audience(CLIENT_ID).claim("nonce", nonce)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json"
                : body.startsWith("<") ? "text/html" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
