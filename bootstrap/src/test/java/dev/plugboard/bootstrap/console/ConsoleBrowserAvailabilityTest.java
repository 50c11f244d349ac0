package dev.plugboard.bootstrap.console;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Without Chromium the browser tests never pass silently: they are skipped loudly, or fail when CI requires them. */
class ConsoleBrowserAvailabilityTest {

    private static final Path MISSING = Path.of("/nonexistent/chromedriver");

    @Test
    void givenNoDriverAndNoRequirement_requireBrowser_skipsAndSaysHowToInstallIt() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> ConsoleBrowser.requireBrowser(ConsoleBrowser.CHROMIUM, MISSING, false))
                    .isInstanceOf(TestAbortedException.class);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("browser tests did NOT run")
                .contains("apt-get install chromium chromium-driver");
    }

    @Test
    void givenNoDriverAndTheRequirement_requireBrowser_fails() {
        assertThatThrownBy(() -> ConsoleBrowser.requireBrowser(ConsoleBrowser.CHROMIUM, MISSING, true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PLUGBOARD_TEST_REQUIRE_BROWSER");
    }
}
