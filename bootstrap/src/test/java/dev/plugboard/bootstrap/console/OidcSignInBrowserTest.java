package dev.plugboard.bootstrap.console;

import dev.plugboard.bootstrap.rest.FullStackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID sign-in in Debian's Chromium, with the provider on another site (localhost, the console
 * on 127.0.0.1) where the user approves on the provider's page: the way back is a navigation the
 * provider's site starts, yet the user lands on the page they asked for, signed in with the
 * SameSite=Strict session cookie (which a plain redirect from the callback would not carry).
 */
class OidcSignInBrowserTest {

    private static TestOpenIdProvider idp;
    private static Path folder;
    private static FullStackServer server;
    private static ConsoleBrowser browser;

    @RegisterExtension
    final ConsoleBrowser.ScreenshotOnFailure screenshots = new ConsoleBrowser.ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void start() {
        ConsoleBrowser.requireBrowser();
        idp = TestOpenIdProvider.start("localhost");
        folder = FullStackServer.newFolder("plugboard-oidc-browser");
        server = FullStackServer.start(folder, Map.of("plugboard.console.oidc.issuer", idp.issuer(),
                "plugboard.console.oidc.client-id", TestOpenIdProvider.CLIENT_ID,
                "plugboard.console.oidc.client-secret", TestOpenIdProvider.CLIENT_SECRET,
                "plugboard.console.oidc.provider-name", "Test IdP"));
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.application().close();
        }
        if (idp != null) {
            idp.close();
        }
        if (folder != null) {
            FullStackServer.delete(folder);
        }
    }

    @Test
    void givenAProviderOnAnotherSite_signingInFromAnAskedPage_landsThereSignedIn() {
        idp.nextSignIn("alice", claims -> claims.claim("org", "acme"));
        idp.approveByHand(true);

        browser.open("http://127.0.0.1:" + server.baseUrl().getPort() + "/console/my-plugins");
        browser.waitForTitle("Sign in");
        assertThat(browser.find("#external-sign-in").getText()).isEqualTo("Sign in with Test IdP");
        browser.assertAccessible("sign-in-oidc");
        browser.find("#external-sign-in").click();
        browser.waitForTitle("Test IdP");
        browser.find("#approve").click();

        browser.waitForTitle("My plugins");
        assertThat(browser.find("[data-owner]").getText()).isEqualTo("organization acme");
        Cookie session = browser.driver().manage().getCookieNamed("plugboard_console");
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.isHttpOnly()).isTrue();
    }
}
