package dev.plugboard.bootstrap.console;

import dev.plugboard.bootstrap.rest.FullStackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

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
}
