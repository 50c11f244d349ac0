package dev.plugboard.bootstrap.console;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.ListInstallationsUseCase;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An installation that a schema change left invalid, shown in the console with its violations at
 * their fields and fixed there; and an administrator's catalog sync: the plan first, nothing changed,
 * then applied. In a real headless Chromium against the shared real server.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleSyncAndAttentionBrowserTest extends ConsoleBrowserSuite {

    // Names no other suite of the shared server uses; fixed, so that the documentation's screenshots stay alike.
    private static final String USER = "console-nadia";
    private static final String ADMIN = "console-root-sync";
    private static final String CHANGING = "console-changing";
    private static final String DISCOVERED = "console-discovered";

    @Test
    @Order(1)
    void givenASchemaUpgradeThatAddsARequiredField_thenMyPluginsShowsItNeedsAttention_andSavingTheFieldFixesIt() {
        register("1.0.0", "{\"type\": \"object\", \"properties\": {\"region\": {\"type\": \"string\"}}}");
        bean(InstallPluginUseCase.class).install(new InstallPluginCommand(Caller.user(USER, null), PluginName.of(CHANGING),
                Optional.of(JsonDocument.parse("{\"region\": \"eu\"}")), Optional.empty()));
        register("1.1.0", "{\"type\": \"object\", \"required\": [\"team\"], \"properties\": {\"region\": {\"type\": \"string\"},"
                + " \"team\": {\"type\": \"string\", \"minLength\": 2, \"description\": \"The team that owns this\"}}}");
        signIn(USER, Set.of());

        browser.open(url("/console/my-plugins"));
        WebElement badge = browser.find("[data-plugin='" + CHANGING + "'] [data-needs-attention]");
        assertThat(badge.getText()).contains("Needs attention").contains("team");
        assertAccessible("my-plugins-needs-attention");

        badge.findElement(org.openqa.selenium.By.linkText("Fix the settings")).click();
        browser.waitForTitle("Settings of Console changing");
        assertThat(browser.find("#needs-attention").getText()).contains("SETTINGS_INVALID");
        assertThat(browser.find("[data-field='/team'] [data-error-for='/team']").getText()).isNotBlank();
        assertThat(browser.find("#f-region").getAttribute("value")).as("the stored value is kept").isEqualTo("eu");
        browser.find("#f-team").sendKeys("payments");
        browser.find("#save").click();

        browser.waitForTitle("My plugins");
        assertThat(browser.all("[data-plugin='" + CHANGING + "'] [data-needs-attention]")).isEmpty();
        assertThat(bean(ListInstallationsUseCase.class).getInstallation(Owner.user(USER), CHANGING).needsAttention())
                .isFalse();
    }

    @Test
    @Order(2)
    void givenAUserWhoIsNotAnAdministrator_thePluginPageShowsItsVersionHistory_withoutWhoMadeIt() {
        browser.open(url("/console/plugins/" + CHANGING));
        WebElement history = browser.find("#history");
        assertThat(history.findElements(org.openqa.selenium.By.tagName("li"))).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.getText()).contains("register"));
        assertThat(history.getText()).contains("1.1.0").doesNotContain("console-test");
    }

    @Test
    @Order(3)
    void givenANewManifestInThePluginsFolder_theSyncPageShowsThePlanAndChangesNothing_untilApplied() throws IOException {
        Path folder = Path.of(bean(io.micronaut.context.ApplicationContext.class)
                .getRequiredProperty("plugboard.plugins-dir", String.class));
        Files.createDirectories(folder.resolve(DISCOVERED));
        Files.writeString(folder.resolve(DISCOVERED).resolve("plugin.yaml"), """
                name: console-discovered
                version: 2.0.0
                displayName: Console discovered
                execution: {mode: external}
                """);
        signIn(ADMIN, Set.of(Role.ADMIN));

        browser.open(url("/console/admin"));
        browser.find("#sync-link").click();
        browser.waitForTitle("Catalog sync");
        WebElement line = browser.find("#plan [data-plugin='" + DISCOVERED + "']");
        assertThat(line.getAttribute("data-action")).isEqualTo("added");
        assertThat(line.getText()).contains("directory").contains("2.0.0");
        assertThat(browser.find("#sync-summary").getText()).contains("Nothing has changed yet");
        assertThatThrownBy(() -> bean(BrowseCatalogUseCase.class).get(DISCOVERED))
                .as("the plan changes nothing").isInstanceOf(PluginNotFoundException.class);
        assertAccessible("admin-sync-plan");

        browser.find("#apply").click();
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();

        browser.waitFor(d -> browser.find("#sync-summary").getText().startsWith("Synced") ? true : null);
        assertThat(bean(BrowseCatalogUseCase.class).get(DISCOVERED).version().toString()).isEqualTo("2.0.0");
    }

    @Test
    @Order(4)
    void givenAUserWhoIsNotAnAdministrator_theSyncPageIsForbidden() {
        signIn(USER, Set.of());
        browser.open(url("/console/admin/sync"));
        assertThat(browser.find("main").getText()).contains("Administration is for administrators");
    }

    private static void register(String version, String settingsSchema) {
        bean(RegisterPluginUseCase.class).register(new RegisterPluginCommand(Actor.operator("console-test"),
                PluginManifest.builder(CHANGING, version).displayName("Console changing")
                        .settingsSchema(JsonDocument.parse(settingsSchema))
                        .execution(ExecutionPolicy.external()).build()));
    }

}
