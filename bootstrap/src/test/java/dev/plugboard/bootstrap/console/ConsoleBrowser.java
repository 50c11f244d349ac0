package dev.plugboard.bootstrap.console;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.plugboard.bootstrap.support.MissingTool;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver} (Selenium Manager
 * downloads nothing), with the checks every console page gets: axe-core finds no serious or
 * critical violation; and screenshots, for failures (under target/) and for docs/console.
 * Without the driver the browser tests are skipped loudly, or fail when
 * {@code PLUGBOARD_TEST_REQUIRE_BROWSER} is set (as .ci/run sets it).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DOCS_IMAGES = Path.of("..", "docs", "console");

    private final WebDriver driver;
    private final Path profile;

    private ConsoleBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (loudly) or fails, as the environment asks, when there is no browser to drive. */
    static void requireBrowser() {
        requireBrowser(CHROMIUM, CHROMEDRIVER, System.getenv("PLUGBOARD_TEST_REQUIRE_BROWSER") != null);
    }

    static void requireBrowser(Path chromium, Path chromedriver, boolean required) {
        if (Files.isExecutable(chromedriver) && Files.isExecutable(chromium)) {
            return;
        }
        String message = "The web console's browser tests did NOT run: " + chromedriver + " or " + chromium
                + " is missing. Install them with: apt-get install chromium chromium-driver";
        MissingTool.refuse(message, "PLUGBOARD_TEST_REQUIRE_BROWSER", required);
    }

    static ConsoleBrowser start() {
        requireBrowser();
        try {
            Path profile = Files.createTempDirectory("plugboard-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new ConsoleBrowser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return waitFor(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                // A node replaced while it was read (htmx swaps, reloads) is read again on the next poll.
                .ignoring(WebDriverException.class).until(condition);
    }

    /** Waits until the page's main heading reads {@code title}. */
    void waitForTitle(String title) {
        waitFor(d -> d.findElements(By.cssSelector("main h1")).stream()
                .anyMatch(h -> h.getText().equals(title)) ? Boolean.TRUE : null);
    }

    /** axe-core on the current page: nothing serious or critical (WCAG 2 A and AA rules). */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(ConsoleBrowser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    /** No serious or critical axe violation on the current page, which is then the screenshot {@code page} of the docs. */
    void assertAccessible(String page) {
        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations())
                .as("serious or critical axe violations on " + page).isEmpty();
        screenshotForDocs(page);
    }

    /** A screenshot for docs/console.md, so that the documentation shows the console as it is. */
    void screenshotForDocs(String name) {
        save(DOCS_IMAGES.resolve(name + ".png"));
    }

    void screenshotOnFailure(String name) {
        save(Path.of("target", "console-screenshots", name + ".png"));
    }

    private void save(Path target) {
        try {
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void narrow() {
        driver.manage().window().setSize(new Dimension(360, 800));
    }

    void wide() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover profile in /tmp is no failure.
        }
    }

    /** Saves a screenshot under target/console-screenshots when a test of the class fails. */
    static final class ScreenshotOnFailure implements TestWatcher {

        private final java.util.function.Supplier<ConsoleBrowser> browser;

        ScreenshotOnFailure(java.util.function.Supplier<ConsoleBrowser> browser) {
            this.browser = browser;
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            ConsoleBrowser current = browser.get();
            if (current != null) {
                current.screenshotOnFailure(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
                System.err.println("Console screenshot saved under target/console-screenshots for "
                        + context.getDisplayName());
            }
        }
    }
}
