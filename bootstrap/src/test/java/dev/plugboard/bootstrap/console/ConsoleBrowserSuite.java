package dev.plugboard.bootstrap.console;

import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.bootstrap.rest.FullStackServer;
import dev.plugboard.domain.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;
import java.util.Set;

/**
 * One headless Chromium for a browser test class, against the shared full-stack server, with a
 * screenshot under {@code target/} when a test fails. Each class starts a browser: keep them few.
 */
abstract class ConsoleBrowserSuite {

    static FullStackServer server;
    static ConsoleBrowser browser;

    @RegisterExtension
    final ConsoleBrowser.ScreenshotOnFailure screenshots = new ConsoleBrowser.ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void startBrowser() {
        ConsoleBrowser.requireBrowser();
        server = FullStackServer.shared();
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    static String url(String path) {
        return server.baseUrl().resolve(path).toString();
    }

    static <T> T bean(Class<T> type) {
        return server.application().context().getBean(type);
    }

    /** axe finds nothing serious on the page, which is then shot for docs/console.md under {@code page}. */
    static void assertAccessible(String page) {
        browser.assertAccessible(page);
    }

    /** Signs in through a fresh console link for {@code user} (acting for themselves) and lands on the home page. */
    static void signIn(String user, Set<Role> roles) {
        String secret = bean(ConsoleSignInUseCase.class).issueLink(new ConsoleIdentity(user, Optional.empty(), roles)).secret();
        browser.open(url("/console/sign-in?link=" + secret));
        browser.find("#continue").click();
        browser.waitForTitle("Home");
    }
}
