package dev.plugboard.bootstrap.console;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.bootstrap.rest.FullStackServer;
import dev.plugboard.bootstrap.rest.PluginDirectories;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation's environment overrides edited in the console, in a real headless Chromium against
 * a server of its own that runs in {@code staging}, with a plugin jar whose {@code validate} hook
 * refuses the API key {@code bad} (in its plugin host): the server's environment is the one shown
 * first, a changed field enters the override and the page shows the merged settings; schema and
 * hook violations are shown at their fields with nothing stored; a field goes back to the base; a
 * stale form says so and keeps what was typed; a new environment is picked by name.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleEnvironmentOverridesBrowserTest extends ConsoleBrowserSuite {

    private static final String USER = "console-olga";
    private static final String PLUGIN = "console-keychecker";
    private static final Environment STAGING = new Environment("staging");
    private static Path folder;

    @BeforeAll
    static void startAStagingServerWithAHookedPlugin() {
        folder = FullStackServer.newFolder("plugboard-console-env-it");
        PluginDirectories.keyChecker(folder.resolve("plugins"), PLUGIN, """
                {"type": "object", "properties": {"apiKey": {"type": "string", "writeOnly": true},
                 "region": {"type": "string"}, "batchSize": {"type": "integer", "minimum": 1, "maximum": 100}},
                 "additionalProperties": false}""");
        server = FullStackServer.start(folder, Map.of("plugboard.environment", "staging",
                "plugboard.plugins.hook-timeout", "10s"));
        bean(InstallPluginUseCase.class).install(new InstallPluginCommand(Caller.user(USER, null), PluginName.of(PLUGIN),
                Optional.of(JsonDocument.parse("{\"apiKey\": \"good-7f3a\", \"region\": \"eu\", \"batchSize\": 10}")),
                Optional.empty()));
        signIn(USER, Set.of());
    }

    @AfterAll
    static void stopTheStagingServer() {
        if (server != null) {
            server.application().close();
            server = null;
            FullStackServer.delete(folder);
        }
    }

    @Test
    @Order(1)
    void givenAStagingServer_whenTheSettingsOpen_thenStagingIsShown_andAChangedFieldEntersItsOverride_withTheMergedSettingsShown() {
        browser.open(url("/console/my-plugins/" + PLUGIN + "/settings"));
        browser.waitForTitle("Settings of " + PLUGIN + " for staging");
        assertThat(browser.find("#environment option[selected]").getAttribute("value")).isEqualTo("staging");
        assertThat(browser.all("[data-override-for]")).as("no override yet").isEmpty();

        WebElement batch = browser.find("#f-batchSize");
        assertThat(batch.getAttribute("value")).as("the base value, shown merged").isEqualTo("10");
        batch.clear();
        batch.sendKeys("50");
        browser.find("#save").click();

        browser.find("[data-override-for='/batchSize']");
        assertThat(browser.find("#f-batchSize").getAttribute("value")).isEqualTo("50");
        assertThat(browser.find("#f-region").getAttribute("value")).isEqualTo("eu");
        assertThat(browser.all("[data-override-for='/region']")).as("an untouched field stays the base's").isEmpty();
        assertThat(browser.find("[data-field='/apiKey'] [data-secret-state]").getText()).isEqualTo("set");
        assertThat(browser.driver().getPageSource()).as("a secret is never shown").doesNotContain("good-7f3a");
        assertThat(override(STAGING)).isEqualTo(Map.of("batchSize", 50L));
        assertThat(base().get("batchSize")).as("the base stays as it was").hasToString("10");
        assertAccessible("settings-environment");
    }

    @Test
    @Order(2)
    void givenTheStagingOverride_whenAFieldBreaksTheSchemaOrTheValidateHook_thenTheViolationIsAtTheField_andNothingChanges() {
        browser.open(url("/console/my-plugins/" + PLUGIN + "/settings?environment=staging"));
        WebElement batch = browser.find("#f-batchSize");
        batch.clear();
        batch.sendKeys("500");
        browser.find("#save").click();

        assertThat(browser.find("[data-field='/batchSize'] [data-error-for='/batchSize']").getText()).isNotBlank();
        assertThat(browser.find("#f-batchSize").getAttribute("value")).as("what was typed is kept").isEqualTo("500");

        batch = browser.find("#f-batchSize");
        batch.clear();
        batch.sendKeys("20");
        browser.find("#f-apiKey").sendKeys("bad");
        browser.find("#save").click();

        assertThat(browser.find("[data-field='/apiKey'] [data-error-for='/apiKey']").getText())
                .contains("the service refused this API key");
        assertThat(browser.find("#f-batchSize").getAttribute("value")).isEqualTo("20");
        assertThat(browser.find("#f-apiKey").getAttribute("value")).as("a secret is never sent back").isEmpty();
        assertThat(override(STAGING)).as("nothing was stored").isEqualTo(Map.of("batchSize", 50L));
    }

    @Test
    @Order(3)
    void givenAStagingOverride_whenSomeoneElseSavesFirst_thenSavingSaysSo_keepsWhatWasTyped_andOffersToReload() {
        browser.open(url("/console/my-plugins/" + PLUGIN + "/settings?environment=staging"));
        browser.find("#f-region");
        bean(ConfigureInstallationUseCase.class).configure(new ConfigureInstallationCommand(Caller.user(USER, null),
                PluginName.of(PLUGIN), JsonDocument.parse("{\"region\": \"staging-eu\"}"), OptionalLong.empty(), STAGING));

        WebElement region = browser.find("#f-region");
        region.clear();
        region.sendKeys("us");
        browser.find("#save").click();

        assertThat(browser.find("#stale").getText()).contains("Someone else changed these settings");
        assertThat(browser.find("#f-region").getAttribute("value")).isEqualTo("us");
        assertThat(override(STAGING)).isEqualTo(Map.of("batchSize", 50L, "region", "staging-eu"));
        browser.find("#stale a").click();
        browser.waitForTitle("Settings of " + PLUGIN + " for staging");
        assertThat(browser.find("#f-region").getAttribute("value")).isEqualTo("staging-eu");
        assertThat(browser.find("[data-override-for='/region']").getText()).isEqualTo("from staging");
    }

    @Test
    @Order(4)
    void givenAnOverriddenField_whenUseTheBaseValueIsTicked_thenItLeavesTheOverride_andTheBaseValueIsShown() {
        browser.open(url("/console/my-plugins/" + PLUGIN + "/settings?environment=staging"));
        browser.find("#f-batchSize-reset").click();
        browser.find("#save").click();

        browser.waitFor(d -> browser.all("[data-override-for='/batchSize']").isEmpty() ? true : null);
        assertThat(browser.find("#f-batchSize").getAttribute("value")).isEqualTo("10");
        assertThat(override(STAGING)).isEqualTo(Map.of("region", "staging-eu"));
    }

    @Test
    @Order(5)
    void givenANewEnvironmentNamed_whenAFieldIsSavedThere_thenItHasAnOverride_andTheListOffersIt() {
        browser.open(url("/console/my-plugins/" + PLUGIN + "/settings?environment=default"));
        browser.waitForTitle("Settings of " + PLUGIN);
        browser.find("#new-environment").sendKeys("qa");
        browser.find("#show-environment").click();
        browser.waitForTitle("Settings of " + PLUGIN + " for qa");
        WebElement region = browser.find("#f-region");
        region.clear();
        region.sendKeys("qa-1");
        browser.find("#save").click();

        browser.find("[data-override-for='/region']");
        assertThat(browser.all("#environment option").stream().map(o -> o.getAttribute("value")))
                .containsExactly("default", "staging", "qa");
        assertThat(override(new Environment("qa"))).isEqualTo(Map.of("region", "qa-1"));
        assertThat(override(STAGING)).as("another environment's override is untouched")
                .isEqualTo(Map.of("region", "staging-eu"));
    }

    @Test
    @Order(6)
    void givenABadEnvironmentName_thenThePageNamesIt_andWhatToDo() {
        browser.open(url("/console/my-plugins/" + PLUGIN + "/settings?new-environment=Bad%20Name"));
        assertThat(browser.find("main").getText()).contains("Bad Name").contains("lowercase letters and digits");
    }

    private static InstallationView installation() {
        return bean(ListInstallationsUseCase.class).getInstallation(Owner.user(USER), PLUGIN);
    }

    private static Map<String, Object> override(Environment environment) {
        return installation().overrides().getOrDefault(environment.name(), JsonDocument.empty()).asMap();
    }

    private static Map<String, Object> base() {
        return installation().settings().asMap();
    }
}
