package dev.plugboard.bootstrap.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.plugboard.bootstrap.rest.FullStackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console sign-in through an OpenID provider, over real HTTP against the real server on its own
 * PostgreSQL and a small provider on 127.0.0.1: the authorization code flow with PKCE lands the
 * user on the page they asked for, with the identity and roles the ID token's claims give; a
 * wrong verifier, state, nonce, audience, an expired token or flow, or the provider's refusal end
 * on a readable page and open no session.
 */
class OidcSignInFullStackTest {

    private static final String SESSION = "plugboard_console";
    private static final String FLOW = "plugboard_console_oidc";

    /** Every log line of the server while this class runs. */
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    private static TestOpenIdProvider idp;
    private static Path folder;
    private static FullStackServer server;

    @BeforeAll
    static void start() {
        idp = TestOpenIdProvider.start();
        folder = FullStackServer.newFolder("plugboard-oidc-it");
        server = FullStackServer.start(folder, Map.of("plugboard.console.oidc.issuer", idp.issuer(),
                "plugboard.console.oidc.client-id", TestOpenIdProvider.CLIENT_ID,
                "plugboard.console.oidc.client-secret", TestOpenIdProvider.CLIENT_SECRET,
                "plugboard.console.oidc.provider-name", "Test IdP",
                "plugboard.auth.trust-token-roles", "true", "plugboard.auth.roles-claim", "realm_access.roles",
                "plugboard.http.access-log", "true"));
        LOG.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        if (server != null) {
            server.application().close();
        }
        if (idp != null) {
            idp.close();
        }
        FullStackServer.delete(folder);
    }

    @Test
    void givenAUserAskingForAPage_signingInThroughTheProvider_opensTheirSessionOnThatPage() {
        idp.nextSignIn("alice", claims -> claims.claim("org", "acme"));
        CookieKeepingClient browser = new CookieKeepingClient();

        HttpResponse<String> asked = browser.get(url("/console/my-plugins"));
        assertThat(asked.statusCode()).isEqualTo(303);
        HttpResponse<String> signInPage = browser.get(url(location(asked)));
        assertThat(signInPage.body()).contains("Sign in with Test IdP").contains("plugboard console-link");
        HttpResponse<String> toProvider = browser.get(url(between(signInPage.body(), "id=\"external-sign-in\" href=\"", "\"")));
        assertThat(toProvider.statusCode()).isEqualTo(303);
        assertThat(location(toProvider)).startsWith(idp.issuer() + "/authorize?").contains("code_challenge_method=S256");
        assertThat(browser.cookie(FLOW)).hasValueSatisfying(flow -> assertThat(flow.attributes())
                .contains("samesite=lax").contains("httponly").contains("max-age=600"));

        HttpResponse<String> back = browser.get(URI.create(location(browser.get(URI.create(location(toProvider))))));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(browser.cookie(SESSION)).hasValueSatisfying(session -> assertThat(session.attributes())
                .contains("samesite=strict").contains("httponly"));
        assertThat(browser.cookie(FLOW)).isEmpty();
        HttpResponse<String> page = browser.get(url(between(back.body(), "content=\"0;url=", "\"")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>My plugins").contains("<strong data-owner>organization acme</strong>")
                .contains("Sign out alice").doesNotContain("/console/admin\"");
    }

    @Test
    void givenTheAdminRoleInTheTokensRolesClaim_signingIn_showsTheAdministrationMenu() {
        idp.nextSignIn("root", claims -> claims.claim("realm_access", Map.of("roles", List.of("admin", "pilot"))));
        CookieKeepingClient browser = new CookieKeepingClient();

        HttpResponse<String> home = browser.get(url(between(signIn(browser).body(), "content=\"0;url=", "\"")));

        assertThat(home.body()).contains("<strong data-owner>user root</strong>").contains("href=\"/console/admin\"");
    }

    @Test
    void givenASignedInUser_signingOut_endsTheSession() {
        idp.nextSignIn("carol", claims -> { });
        CookieKeepingClient browser = new CookieKeepingClient();
        HttpResponse<String> home = browser.get(url(between(signIn(browser).body(), "content=\"0;url=", "\"")));
        String csrf = between(home.body(), "name=\"_csrf\" value=\"", "\"");

        HttpResponse<String> out = browser.post(url("/console/sign-out"), "", csrf);

        assertThat(out.headers().firstValue("HX-Redirect")).hasValue("/console/sign-in?signed-out");
        assertThat(browser.cookie(SESSION)).isEmpty();
        assertThat(browser.get(url("/console")).statusCode()).isEqualTo(303);
    }

    static Stream<Arguments> badIdTokens() {
        Instant past = Instant.now().minusSeconds(3600);
        return Stream.of(
                Arguments.of("another audience", (Consumer<JWTClaimsSet.Builder>) c -> c.audience("another-client")),
                Arguments.of("another nonce", (Consumer<JWTClaimsSet.Builder>) c -> c.claim("nonce", "replayed-nonce")),
                Arguments.of("expired", (Consumer<JWTClaimsSet.Builder>) c -> c.issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plusSeconds(300)))),
                Arguments.of("another issuer", (Consumer<JWTClaimsSet.Builder>) c -> c.issuer("https://evil.example")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIdTokens")
    void givenABadIdToken_signingIn_isRefusedWithAPageAndNoSession(String what, Consumer<JWTClaimsSet.Builder> change) {
        idp.nextSignIn("dave", change);
        CookieKeepingClient browser = new CookieKeepingClient();

        HttpResponse<String> back = signIn(browser);

        assertRefused(browser, back, 401, "ID token was refused");
    }

    @Test
    void givenAnAnswerWithAnotherState_theCallback_isRefused() {
        idp.nextSignIn("erin", claims -> { });
        CookieKeepingClient browser = new CookieKeepingClient();
        String callback = callbackOf(browser);

        HttpResponse<String> back = browser.get(URI.create(callback.replaceAll("state=[^&]+", "state=forged")));

        assertRefused(browser, back, 400, "does not belong to the sign-in this browser started");
    }

    @Test
    void givenACodeIssuedForAnotherBrowsersChallenge_theExchange_failsOnTheVerifier() {
        idp.nextSignIn("erin", claims -> { });
        CookieKeepingClient browser = new CookieKeepingClient();
        String callback = callbackOf(browser);
        String injected = idp.codeForAnotherBrowser(callback.substring(0, callback.indexOf('?')));

        HttpResponse<String> back = browser.get(URI.create(callback.replaceAll("code=[^&]+", "code=" + injected)));

        assertRefused(browser, back, 502, "refused to exchange the sign-in code (invalid_grant)");
    }

    @Test
    void givenAFlowWhoseCookieExpired_theCallback_asksToStartAgain() {
        idp.nextSignIn("frank", claims -> { });
        CookieKeepingClient browser = new CookieKeepingClient();
        String callback = callbackOf(browser);
        browser.forget(FLOW);

        HttpResponse<String> back = browser.get(URI.create(callback));

        assertRefused(browser, back, 400, "took longer than 10 minutes");
    }

    @Test
    void givenTheProviderRefusesTheUser_theCallback_saysWhat() {
        idp.nextSignIn("grace", claims -> { });
        idp.nextRefusal("access_denied");
        CookieKeepingClient browser = new CookieKeepingClient();

        HttpResponse<String> back = signIn(browser);

        assertRefused(browser, back, 401, "did not sign you in (access_denied: The user said no)");
    }

    @Test
    void givenSignInsThatWorkAndFail_theLog_holdsNoCodeVerifierTokenOrClientSecret() {
        idp.nextSignIn("heidi", claims -> { });
        signIn(new CookieKeepingClient());
        idp.nextSignIn("ivan", claims -> claims.audience("another-client"));
        signIn(new CookieKeepingClient());
        CookieKeepingClient injected = new CookieKeepingClient();
        String callback = callbackOf(injected);
        injected.get(URI.create(callback.replaceAll("code=[^&]+", "code="
                + idp.codeForAnotherBrowser(callback.substring(0, callback.indexOf('?'))))));

        List<String> lines = LOG.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).toList();
        assertThat(lines).anyMatch(line -> line.contains("GET /console/oidc/callback 200"))
                .anyMatch(line -> line.contains("refused: The identity provider's ID token was refused"));
        for (String handedOut : idp.handedOut()) {
            assertThat(lines).noneMatch(line -> line.contains(handedOut));
        }
        assertThat(lines).noneMatch(line -> line.contains(TestOpenIdProvider.CLIENT_SECRET));
    }

    /** From the start of the flow to the provider, which answers with this callback URL (not followed yet). */
    private static String callbackOf(CookieKeepingClient browser) {
        return location(browser.get(URI.create(location(browser.get(url("/console/oidc/sign-in"))))));
    }

    /** From the start of the flow to the provider and back: the callback's answer. */
    private static HttpResponse<String> signIn(CookieKeepingClient browser) {
        return browser.get(URI.create(callbackOf(browser)));
    }

    private static void assertRefused(CookieKeepingClient browser, HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("role=\"alert\"").contains(message)
                .doesNotContain(TestOpenIdProvider.CLIENT_SECRET).doesNotContain("code=");
        assertThat(browser.cookie(SESSION)).isEmpty();
        assertThat(browser.cookie(FLOW)).isEmpty();
        assertThat(browser.get(url("/console")).statusCode()).isEqualTo(303);
    }

    private static URI url(String path) {
        return server.baseUrl().resolve(path);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in a " + response.statusCode() + " answer: " + response.body()));
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before);
        assertThat(start).as("'%s' in %s", before, text).isNotNegative();
        int from = start + before.length();
        return URLDecoder.decode(text.substring(from, text.indexOf(after, from)).replace("&amp;", "&"),
                StandardCharsets.UTF_8);
    }
}
