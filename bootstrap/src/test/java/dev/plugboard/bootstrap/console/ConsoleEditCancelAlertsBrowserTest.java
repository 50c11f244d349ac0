package dev.plugboard.bootstrap.console;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.monitoring.AlertRepository;
import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.SemanticVersion;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's workflow editor and test mode, cancelling a run from its page, an administrator
 * acknowledging and resolving an alert, and approving a held plugin version, in a real headless Chromium against the shared real server.
 */
@TestMethodOrder(OrderAnnotation.class)
class ConsoleEditCancelAlertsBrowserTest extends ConsoleBrowserSuite {

    // Names no other suite of the shared server uses; fixed, so that the documentation's screenshots stay alike.
    private static final String USER = "console-erin";
    private static final String ADMIN = "console-root-alerts";
    private static final String QUEUED = "console-queued";

    @BeforeAll
    static void givenAWorkflowOfTheUser() {
        install("analytics");
        bean(ManageWorkflowsUseCase.class).create(WorkflowActor.of(Caller.user(USER, null)), Map.of(
                "name", "Count visits", "slug", "count-visits", "description", "counts each visit",
                "steps", List.of(Map.of("order", 0, "name", "count", "plugin", "analytics", "inputMapping",
                        Map.of("type", "message.received", "data", Map.of("userId", "{{ trigger.data.userId }}"))))));
        signIn(USER, Set.of());
    }

    @Test
    @Order(1)
    void givenAWorkflowsDefinition_whenSavedNamingAPluginNotInstalled_thenTheProblemIsShownAtItsStepAndTheTextKept() {
        browser.open(url("/console/workflows/count-visits"));
        browser.find("#workflow-edit").click();
        browser.waitForTitle("Edit Count visits");
        String original = definition().getAttribute("value");
        assertThat(original).contains("plugin: analytics").contains("slug: count-visits");

        typeDefinition(original.replace("plugin: analytics", "plugin: console-not-installed"));
        browser.find("#save-definition").click();

        WebElement atStep = browser.find("[data-problems-for-step='0']");
        assertThat(atStep.getText()).contains("/steps/0/plugin");
        assertThat(definition().getAttribute("value")).contains("plugin: console-not-installed");
        assertThat(definition().getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible("workflow-edit-errors");

        typeDefinition(original.replace("description: counts each visit", "description: counts every visit"));
        browser.find("#save-definition").click();
        browser.waitForTitle("Count visits");
        assertThat(browser.find("main").getText()).contains("counts every visit");
    }

    @Test
    @Order(2)
    void givenTriggerData_whenTheWorkflowIsTested_thenEachStepShowsItsResolvedInputAndThatItWouldRun_andBadDataIsRefusedReadably() {
        browser.open(url("/console/workflows/count-visits/edit"));
        WebElement data = browser.find("#trigger-data");
        data.clear();
        data.sendKeys("not json");
        browser.find("#test-workflow").click();
        assertThat(browser.find("#messages [role=alert]").getText()).contains("not a JSON object");
        data.clear();
        data.sendKeys("{\"userId\": \"u-visitor-42\"}");
        browser.find("#test-workflow").click();

        WebElement step = browser.find("#test-result [data-test-step='0']");
        assertThat(step.getAttribute("data-would-run")).isEqualTo("true");
        assertThat(step.getText()).contains("would run").contains("u-visitor-42").contains("message.received");
        assertThat(bean(RunWorkflowsUseCase.class).runs(WorkflowActor.of(Caller.user(USER, null)), "count-visits",
                PageRequest.first(10)).items()).as("test mode runs nothing").isEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.find("#test"));
        assertAccessible("workflow-test");
    }

    @Test
    @Order(3)
    void givenAQueuedRun_whenCancelledFromItsPageAfterConfirming_thenItsStatusIsCancelled() {
        bean(RegisterPluginUseCase.class).register(new RegisterPluginCommand(Actor.operator("console-test"),
                PluginManifest.builder(QUEUED, "1.0.0").displayName("Console queued")
                        .execution(ExecutionPolicy.external()).build()));
        install(QUEUED);
        // An external plugin's run waits for a worker; none polls for this one, so it stays queued.
        PluginRun run = bean(StartRunUseCase.class).start(new StartRunCommand(Caller.user(USER, null),
                PluginName.of(QUEUED), JsonDocument.parse("{}"), RunTrigger.MANUAL, Optional.empty()));

        browser.open(url("/console/runs/" + run.id().value()));
        assertThat(browser.find("#run-status").getAttribute("data-status")).isNotEqualTo("cancelled");
        browser.find("[hx-post$='/cancel']").click();
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();

        browser.waitFor(d -> "cancelled".equals(browser.find("#run-status").getAttribute("data-status")) ? true : null);
        assertThat(browser.all("[hx-post$='/cancel']")).as("a finished run offers no cancel").isEmpty();
        assertAccessible("run-cancelled");
    }

    @Test
    @Order(4)
    void givenAnOpenAlert_whenAnAdministratorAcknowledgesThenResolvesIt_thenItIsAcknowledgedThenGone() {
        UUID id = UUID.randomUUID();
        bean(AlertRepository.class).add(Alert.open(id, AlertKind.RUNS_BACKLOG, "console-backlog-" + id, Optional.empty(),
                "runs are waiting longer than they should", Instant.now()));
        signIn(ADMIN, Set.of(Role.ADMIN));

        browser.open(url("/console/admin/health"));
        String card = "[data-alert='" + id + "']";
        assertThat(browser.find(card).getText()).contains("open");
        browser.find(card + " [hx-post$='/acknowledge']").click();
        browser.waitFor(d -> browser.find(card).getText().contains("acknowledged") ? true : null);
        assertThat(browser.all(card + " [hx-post$='/acknowledge']")).isEmpty();
        assertAccessible("health-acknowledged");

        browser.find(card + " [hx-post$='/resolve']").click();
        browser.waitFor(d -> browser.all(card).isEmpty() ? true : null);
        assertThat(bean(AlertRepository.class).find(id).orElseThrow().status().toString()).isEqualTo("RESOLVED");
    }

    @Test
    @Order(5)
    void givenAHeldPluginVersion_whenAnAdministratorApprovesItAfterConfirming_thenItIsApprovedAndLeavesTheList() {
        PluginName held = PluginName.of("console-held");
        SemanticVersion version = SemanticVersion.parse("1.0.0");
        bean(PluginApprovalRepository.class).save(PluginApproval.requested(held, version, "new plugin", Instant.now()));
        signIn(ADMIN, Set.of(Role.ADMIN));

        browser.open(url("/console/admin"));
        String row = "[data-approval='console-held']";
        assertThat(browser.find(row).getText()).contains("1.0.0", "new plugin");
        browser.find(row + " [hx-post$='/approve'] button").click();
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();

        browser.waitFor(d -> browser.all(row).isEmpty() ? true : null);
        assertThat(bean(PluginApprovalRepository.class).find(held, version).orElseThrow().status())
                .isEqualTo(PluginApproval.Status.APPROVED);
    }

    private static WebElement definition() {
        return browser.find("#definition");
    }

    /** Sets the whole text at once, as a paste would: typing a long document key by key is slow. */
    private static void typeDefinition(String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", definition(), text);
    }


    private static void install(String plugin) {
        bean(InstallPluginUseCase.class).install(new InstallPluginCommand(Caller.user(USER, null), PluginName.of(plugin),
                Optional.empty(), Optional.empty()));
    }

}
