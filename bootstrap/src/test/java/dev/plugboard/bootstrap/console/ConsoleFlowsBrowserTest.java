package dev.plugboard.bootstrap.console;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's flows in a real headless Chromium against the real server on PostgreSQL, one
 * browser and one server for the class, in the order a person would go: sign in, find and install
 * the webhook (a bad URL first), switch it, set its secret, run a plugin, watch the analytics
 * widget update, uninstall, an administrator's global switch, and a second user's empty page.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleFlowsBrowserTest extends ConsoleBrowserSuite {

    private static final String SECRET = "top-secret-value-" + UUID.randomUUID();
    // Names no other suite of the shared server uses; fixed, so that the documentation's screenshots stay alike.
    private static final String USER = "console-carol";
    private static final String ORG = "console-acme";
    private static final String ADMIN = "console-root";
    private static final String OTHER = "console-dave";

    @Test
    @Order(1)
    void givenConsoleLink_whenOpenedAndContinued_thenSignedInShowingWhoseDataAndTheOwnerSwitches() {
        String link = link(USER, Optional.of(ORG), Set.of());
        signIn(link);

        assertThat(browser.find("[data-owner]").getText()).isEqualTo("organization " + ORG);
        Cookie session = browser.driver().manage().getCookieNamed("plugboard_console");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(browser.all("nav a[href='/console/admin']")).as("administration is hidden from non-admins").isEmpty();
        assertAccessible("home");

        new Select(browser.find("#acting")).selectByValue("self");
        browser.waitFor(d -> browser.find("[data-owner]").getText().equals("user " + USER) ? true : null);

        browser.open(link);
        browser.find("#continue").click();
        assertThat(browser.find("[role=alert]").getText()).contains("already used or has expired");
    }

    @Test
    @Order(2)
    void givenWebhookFoundBySearch_whenInstalledWithAnInvalidUrl_thenTheErrorIsNextToTheUrlFieldAndTheTextIsKept() {
        browser.open(url("/console/plugins"));
        browser.find("#q").sendKeys("webhook");
        browser.find("form.filters button").click();
        // The search has answered when every card is a match; other suites on the shared server may add more webhooks.
        browser.waitFor(d -> !browser.all("[data-plugin=webhook]").isEmpty() && browser.all(".card.plugin").stream()
                .allMatch(card -> card.getText().toLowerCase(java.util.Locale.ROOT).contains("webhook")) ? true : null);
        browser.find("[data-plugin=webhook] [data-install]").click();
        browser.waitForTitle("Install Outgoing webhook");

        browser.find("#f-url").sendKeys("ftp://not-a-web-address");
        browser.find("#save").click();

        WebElement error = browser.find("[data-field='/url'] [data-error-for='/url']");
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.find("#f-url").getAttribute("value")).isEqualTo("ftp://not-a-web-address");
        assertThat(browser.find("#f-url").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("settings-errors");
    }

    @Test
    @Order(3)
    void givenTheInvalidUrl_whenFixedAndSaved_thenTheCardShowsInstalled() {
        WebElement url = browser.find("#f-url");
        url.clear();
        url.sendKeys("https://hooks.example.com/plugboard");
        browser.find("#save").click();

        browser.waitForTitle("Available plugins");
        assertThat(browser.find("[data-plugin=webhook] [data-installed]").getText()).isEqualTo("installed");
        assertAccessible("plugins");

        browser.find("[data-plugin=webhook] h2 a").click();
        browser.waitForTitle("Outgoing webhook");
        assertThat(browser.find("main dl").getText()).contains("installed").contains("event:message.received");
        assertAccessible("plugin");
    }

    @Test
    @Order(4)
    void givenTheInstalledWebhook_whenToggledOffAndOn_thenItsSwitchFollows() {
        browser.open(url("/console/my-plugins"));
        assertThat(toggle().getAttribute("aria-checked")).isEqualTo("true");

        toggle().click();
        browser.waitFor(d -> "false".equals(toggle().getAttribute("aria-checked")) ? true : null);
        toggle().click();
        browser.waitFor(d -> "true".equals(toggle().getAttribute("aria-checked")) ? true : null);
        assertAccessible("my-plugins");
    }

    @Test
    @Order(5)
    void givenTheWebhook_whenItsSecretIsSet_thenTheFormShowsSetAndNeverTheValue() {
        browser.open(url("/console/my-plugins/webhook/settings"));
        browser.find("#f-secret").sendKeys(SECRET);
        browser.find("#save").click();
        browser.waitForTitle("My plugins");

        browser.open(url("/console/my-plugins/webhook/settings"));
        assertThat(browser.find("[data-secret-state]").getText()).isEqualTo("set");
        assertThat(browser.find("#f-secret").getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
        assertAccessible("settings");
    }

    @Test
    @Order(6)
    void givenTheSettingsOpen_whenSomeoneElseSavesFirst_thenSavingSaysSoAndOffersToReload() {
        browser.open(url("/console/my-plugins/webhook/settings"));
        browser.find("#f-timeoutSeconds");
        server.application().context().getBean(ConfigureInstallationUseCase.class).configure(new ConfigureInstallationCommand(
                Caller.user(USER, null), PluginName.of("webhook"), JsonDocument.parse("{\"timeoutSeconds\": 20}"),
                OptionalLong.empty()));

        WebElement timeout = browser.find("#f-timeoutSeconds");
        timeout.clear();
        timeout.sendKeys("30");
        browser.find("#save").click();

        assertThat(browser.find("#stale").getText()).contains("Someone else changed these settings");
        assertThat(browser.find("#f-timeoutSeconds").getAttribute("value")).isEqualTo("30");
        browser.find("#stale a").click();
        browser.waitForTitle("Settings of Outgoing webhook");
        assertThat(browser.find("#f-timeoutSeconds").getAttribute("value")).isEqualTo("20");
    }

    @Test
    @Order(7)
    void givenAnalyticsInstalledFromItsCard_whenARunIsStarted_thenItCompletes() {
        browser.open(url("/console/plugins?q=analytics"));
        browser.find("[data-plugin=analytics] [data-install]").click();
        browser.find("[data-plugin=analytics] [data-installed]");

        browser.open(url("/console/runs/new?plugin=analytics"));
        WebElement input = browser.find("#input");
        input.clear();
        input.sendKeys("{\"type\": \"message.received\", \"data\": {\"userId\": \"u-1\"}}");
        assertAccessible("run-start");
        browser.find("#start").click();

        browser.waitFor(d -> d.getCurrentUrl().matches(".*/console/runs/[0-9a-f-]{36}$") ? true : null);
        browser.waitFor(d -> {
            if ("completed".equals(browser.find("#run-status").getAttribute("data-status"))) {
                return true;
            }
            d.navigate().refresh();
            return null;
        });
        assertThat(browser.find("#run-output").getText()).contains("totalMessages");
        assertThat(browser.find("#run-environment").getText()).as("the server's environment").isEqualTo("default");
        assertAccessible("run");
        browser.open(url("/console/runs?plugin=analytics"));
        assertThat(browser.find("tr[data-run] [data-status]").getText()).isEqualTo("completed");
        assertAccessible("runs");

        browser.open(url("/console/circuits"));
        assertThat(browser.find("tr[data-plugin=analytics] [data-state]").getText()).isEqualTo("closed");
        assertAccessible("circuits");
    }

    @Test
    @Order(8)
    void givenTheHomePage_whenAMessageIsCounted_thenTheWidgetUpdatesWithoutAReload() {
        browser.open(url("/console"));
        long before = Long.parseLong(browser.find("[data-stat=total]").getText());
        long usersBefore = Long.parseLong(browser.find("[data-stat=users]").getText());
        ((JavascriptExecutor) browser.driver()).executeScript("window.plugboardMarker = 'same page';");

        server.application().context().getBean(StartRunUseCase.class).start(new StartRunCommand(Caller.user(USER, null),
                PluginName.of("analytics"), JsonDocument.parse("{\"type\": \"message.received\", \"data\": {\"userId\": \"u-new\"}}"),
                RunTrigger.MANUAL, Optional.empty()));

        browser.waitFor(d -> Long.parseLong(browser.find("[data-stat=total]").getText()) == before + 1 ? true : null);
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.plugboardMarker;"))
                .isEqualTo("same page");
        assertThat(Long.parseLong(browser.find("[data-stat=users]").getText())).isEqualTo(usersBefore + 1);
        assertAccessible("home-analytics");
        String total = browser.find("[data-stat=total]").getText();

        browser.open(url("/console/plugins/analytics"));
        assertThat(browser.find("#analytics [data-stat=total]").getText()).as("the widget on the plugin's page").isEqualTo(total);
    }

    @Test
    @Order(9)
    void givenTheWebhook_whenUninstalledAfterConfirming_thenItIsGoneFromMyPlugins() {
        browser.open(url("/console/my-plugins"));
        browser.find(".installation[data-plugin=webhook] [data-uninstall]").click();
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();

        browser.waitFor(d -> browser.all(".installation[data-plugin=webhook]").isEmpty() ? true : null);
        assertThat(browser.all(".installation[data-plugin=analytics]")).hasSize(1);
    }

    @Test
    @Order(10)
    void givenAnAdministrator_whenTheyDisableAPluginGlobally_thenTheUsersPageShowsItDisabled() {
        browser.open(url("/console/admin"));
        assertThat(browser.find("main [role=alert]").getText()).contains("for administrators");

        try {
            signIn(link(ADMIN, Optional.empty(), Set.of(Role.ADMIN)));
            browser.open(url("/console/admin"));
            browser.find("tr[data-plugin=analytics] [data-switch]").click();
            browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
            browser.waitFor(d -> "disabled".equals(browser.find("tr[data-plugin=analytics] [data-state]").getText()) ? true : null);
            assertAccessible("admin");
            browser.open(url("/console/plugins/analytics"));
            assertThat(browser.find("#history").getText()).contains("disable").contains(ADMIN);
            assertAccessible("plugin-history");
            browser.open(url("/console/admin/health"));
            assertThat(browser.find("tr[data-plugin=analytics] [data-state]").getText()).isNotBlank();
            assertAccessible("health");

            signIn(link(USER, Optional.empty(), Set.of()));
            browser.open(url("/console/my-plugins"));
            assertThat(browser.find(".installation[data-plugin=analytics] [data-plugin-disabled]").getText())
                    .contains("Disabled by an administrator");
        } finally {
            server.application().context().getBean(SwitchPluginUseCase.class)
                    .switchPlugin(new SwitchPluginCommand(Actor.user(ADMIN), PluginName.of("analytics"), true, false));
        }
    }

    @Test
    @Order(11)
    void givenASecondUser_whenTheyOpenMyPlugins_thenTheySeeNoneOfTheFirstUsersInstallations() {
        signIn(link(OTHER, Optional.empty(), Set.of()));
        browser.open(url("/console/my-plugins"));

        assertThat(browser.find("#none").getText()).contains("Nothing is installed for user " + OTHER);
        assertThat(browser.all(".installation")).isEmpty();
    }

    @Test
    @Order(12)
    void givenASignedOutBrowser_whenAPageIsAsked_thenSignInRemembersItAndTheNextLinkGoesThere() {
        browser.find("form[hx-post='/console/sign-out'] button").click();
        browser.waitForTitle("Sign in");

        browser.open(url("/console/runs?plugin=analytics"));
        browser.waitForTitle("Sign in");
        assertThat(browser.find("main code").getText()).isEqualTo("/console/runs?plugin=analytics");
        assertAccessible("sign-in");

        signIn(link(OTHER, Optional.empty(), Set.of()), "Runs");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/runs?plugin=analytics");

        browser.open(url("/console/my-plugins"));
        browser.driver().manage().deleteCookieNamed("plugboard_console");
        browser.find("#acting, form[hx-post='/console/sign-out'] button");
        ((JavascriptExecutor) browser.driver()).executeScript("htmx.ajax('POST', '/console/acting', {values: {acting: 'self'}});");
        browser.waitForTitle("Sign in");
        assertThat(browser.find("main code").getText()).as("an htmx request without a session goes to sign-in too")
                .isEqualTo("/console/my-plugins");
        signIn(link(OTHER, Optional.empty(), Set.of()), "My plugins");
    }

    @Test
    @Order(13)
    void givenAPhoneWideScreen_whenThePluginsPageOpens_thenNothingOverflowsSideways() {
        browser.narrow();
        try {
            browser.open(url("/console/plugins"));
            browser.waitForTitle("Available plugins");
            Object overflow = ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
            browser.screenshotForDocs("plugins-360px");
        } finally {
            browser.wide();
        }
    }

    @Test
    @Order(14)
    void givenAWorkflow_whenItsPageSwitchesIt_thenItsStatusFollows() {
        server.application().context().getBean(ManageWorkflowsUseCase.class).create(
                WorkflowActor.of(Caller.user(USER, null)), Map.of("name", "Count messages", "slug", "count-messages",
                        "description", "counts every message", "steps", List.of(Map.of("order", 0, "name", "count",
                                "plugin", "analytics", "inputMapping", Map.of("type", "message.received")))));
        signIn(link(USER, Optional.empty(), Set.of()));

        browser.open(url("/console/workflows"));
        browser.find("tr[data-workflow=count-messages] a").click();
        browser.waitForTitle("Count messages");
        String before = browser.find("#workflow-status").getText();
        assertThat(browser.all("[data-step]")).hasSize(1);
        assertAccessible("workflow");

        String expected = before.equals("active") ? "paused" : "active";
        browser.find("#workflow-switch").click();
        browser.waitFor(d -> browser.find("#workflow-status").getText().equals(expected) ? true : null);
        assertThat(expected).as("a new workflow starts as a draft").isEqualTo("active");
        browser.find("#workflow-run").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/workflows/runs/") ? true : null);
        browser.waitFor(d -> {
            if ("completed".equals(browser.find("#workflow-run-status").getText())) {
                return true;
            }
            d.navigate().refresh();
            return null;
        });
        assertThat(browser.all("[data-step-status=completed]")).hasSize(1);
        assertAccessible("workflow-run");
        browser.open(url("/console/workflows/count-messages"));

        String again = expected.equals("active") ? "paused" : "active";
        browser.find("#workflow-switch").click();
        browser.waitFor(d -> browser.find("#workflow-status").getText().equals(again) ? true : null);
        browser.open(url("/console/workflows"));
        assertThat(browser.find("tr[data-workflow=count-messages] [data-status]").getText()).isEqualTo(again);
        assertAccessible("workflows");
    }

    @Test
    @Order(15)
    void givenAPluginWhoseInputSchemaHasProperties_whenARunIsStarted_thenItsFormIsGeneratedAndTheRunGetsTheTypedInput() {
        server.application().context().getBean(RegisterPluginUseCase.class).register(new RegisterPluginCommand(
                Actor.operator("console-test"), PluginManifest.builder("console-notes", "1.0.0").displayName("Console notes")
                        .inputSchema(JsonDocument.parse("""
                                {"type": "object", "required": ["text"], "properties": {
                                  "text": {"type": "string", "minLength": 1, "description": "What to note"},
                                  "count": {"type": "integer", "minimum": 1, "default": 2}}}"""))
                        .execution(ExecutionPolicy.external()).build()));
        browser.open(url("/console/plugins/console-notes"));
        browser.find("[data-install]").click();
        browser.waitForTitle("Install Console notes");
        browser.find("#save").click();
        browser.waitForTitle("Available plugins");

        browser.open(url("/console/runs/new?plugin=console-notes"));
        assertThat(browser.find("#f-count").getAttribute("value")).isEqualTo("2");
        browser.find("#f-text").sendKeys("remember the milk");
        browser.find("#start").click();

        browser.waitFor(d -> d.getCurrentUrl().matches(".*/console/runs/[0-9a-f-]{36}$") ? true : null);
        assertThat(browser.find("main pre code").getText()).contains("remember the milk").containsPattern("\"count\"\\s*:\\s*2");
    }

    private static WebElement toggle() {
        return browser.find(".installation[data-plugin=webhook] [data-toggle]");
    }

    private static String link(String user, Optional<String> organization, Set<Role> roles) {
        String secret = server.application().context().getBean(ConsoleSignInUseCase.class)
                .issueLink(new ConsoleIdentity(user, organization, roles)).secret();
        return url("/console/sign-in?link=" + secret);
    }

    private static void signIn(String link) {
        signIn(link, "Home");
    }

    private static void signIn(String link, String landing) {
        browser.open(link);
        browser.find("#continue").click();
        browser.waitForTitle(landing);
    }

}
