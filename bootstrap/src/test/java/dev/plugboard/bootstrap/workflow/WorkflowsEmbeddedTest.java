package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.PublishEventCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.TestReport;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.StepRunStatus;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import dev.plugboard.domain.workflow.WorkflowStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workflows embedded, everything in memory (the README's embedding path): the worked example,
 * conditions, each error policy, cancel, save-time checks and organization access.
 */
class WorkflowsEmbeddedTest {

    private final WorkflowTestPlugins.Summarize summarize = new WorkflowTestPlugins.Summarize();
    private final WorkflowTestPlugins.Notify notify = new WorkflowTestPlugins.Notify();
    private final Caller alice = Caller.user("alice", "free");
    private final WorkflowActor aliceActs = WorkflowActor.of(alice);
    private Plugboard plugboard;
    private RunExecutor executor;

    @BeforeEach
    void start() {
        plugboard = Plugboard.builder().handlers(new HandlerRegistry(List.of(summarize, notify))).build();
        plugboard.syncCatalog();
        install(alice, "summarize");
        install(alice, "notify");
        executor = plugboard.newExecutor();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private void install(Caller caller, String plugin) {
        plugboard.installations().install(new InstallPluginCommand(caller, PluginName.of(plugin),
                Optional.of(JsonDocument.parse("{}")), Optional.empty()));
    }

    static Map<String, Object> workflow(String slug, String trigger, String steps) {
        return JsonDocument.parse("""
                {"name": "%s", "slug": "%s", "status": "ACTIVE", %s, "steps": %s}"""
                .formatted("Workflow " + slug, slug, trigger, steps)).asMap();
    }

    private static final String SUMMARIZE_THEN_NOTIFY = """
            [{"order": 0, "name": "summary", "plugin": "summarize", "inputMapping": {"text": "{{ trigger.data.text }}"},
              "config": {"maxWords": 2}},
             {"order": 1, "plugin": "notify", "condition": {"if": "prev.length > 10"},
              "inputMapping": {"message": "Summary: {{ steps.summary.summary }}", "length": "{{ prev.length }}",
                               "who": "{{ ctx.userId }}"}}]""";

    private WorkflowRun finished(WorkflowRun run) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            executor.poll();
            plugboard.workflows().engine().advanceDue(50);
            WorkflowRun now = plugboard.workflows().runs().getRun(aliceActs, run.id());
            if (now.status().isFinal()) {
                return now;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("workflow run did not finish: " + plugboard.workflows().runs().getRun(aliceActs, run.id()));
    }

    @Test
    void anEventStartsTheWorkedExample_theSummaryGoesToTheNotifierOnlyForLongMessages() throws Exception {
        plugboard.workflows().manage().create(aliceActs, workflow("triage",
                "\"triggerType\": \"EVENT\", \"triggerConfig\": {\"eventType\": \"message.received\"}", SUMMARIZE_THEN_NOTIFY));

        var report = plugboard.events().publish(new PublishEventCommand(alice, "message.received",
                JsonDocument.parse("{\"text\": \"the quarterly numbers are in and they look good\"}"), Optional.empty()));
        assertThat(report.workflowRuns()).hasSize(1);
        WorkflowRun run = finished(plugboard.workflows().runs().getRun(aliceActs, report.workflowRuns().get(0)));

        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(run.stepRuns()).extracting(s -> s.status()).containsExactly(StepRunStatus.COMPLETED, StepRunStatus.COMPLETED);
        assertThat(run.stepRun(0).output()).isEqualTo(Map.of("summary", "the quarterly", "length", 47L));
        // The step's config was merged over the installation's settings, for that run only.
        assertThat(summarize.settingsSeen).last().satisfies(s -> assertThat(s.get("maxWords")).contains(2L));
        // A single template keeps its JSON type; mixed text interpolates.
        assertThat(notify.inputs).singleElement().isEqualTo(JsonDocument.parse(
                "{\"message\": \"Summary: the quarterly\", \"length\": 47, \"who\": \"alice\"}"));
        assertThat(run.stepRun(1).conditionValue()).isTrue();
        assertThat(run.output()).isEqualTo(Map.of("delivered", true, "message", notify.inputs.get(0).asMap()));

        var shortOne = plugboard.events().publish(new PublishEventCommand(alice, "message.received",
                JsonDocument.parse("{\"text\": \"ok\"}"), Optional.empty()));
        WorkflowRun skipped = finished(plugboard.workflows().runs().getRun(aliceActs, shortOne.workflowRuns().get(0)));
        assertThat(skipped.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(skipped.stepRun(1).status()).isEqualTo(StepRunStatus.SKIPPED);
        assertThat(skipped.stepRun(1).conditionValue()).isFalse();
        assertThat(notify.inputs).hasSize(1);
        assertThat(plugboard.workflows().manage().get(aliceActs, "triage").workflow().executionCount()).isEqualTo(2);
    }

    private WorkflowRun runWith(String onError, int failures) throws Exception {
        notify.failures.set(failures);
        String steps = """
                [{"order": 0, "plugin": "notify", "inputMapping": {"n": 1}, "onError": "%s", "maxRetries": 2},
                 {"order": 1, "plugin": "summarize", "inputMapping": {"text": "after {{ prev == null ? 'failure' : 'success' }}"}}]"""
                .formatted(onError);
        plugboard.workflows().manage().create(aliceActs, workflow("policy-" + onError + failures, "\"triggerType\": \"MANUAL\"", steps));
        return finished(plugboard.workflows().runs().run(aliceActs, "policy-" + onError + failures, Map.of()));
    }

    @Test
    void onErrorStop_failsTheRunAtTheFailedStep() throws Exception {
        WorkflowRun run = runWith("stop", 1);
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.FAILED);
        assertThat(run.failedStepOrder()).isZero();
        assertThat(run.error()).contains("NOTIFY_DOWN");
        assertThat(run.stepRun(1).status()).isEqualTo(StepRunStatus.PENDING);
    }

    @Test
    void onErrorContinue_recordsTheFailureAndGoesOnWithPrevNull() throws Exception {
        WorkflowRun run = runWith("continue", 1);
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(run.stepRun(0).status()).isEqualTo(StepRunStatus.FAILED);
        assertThat(run.stepRun(1).input()).isEqualTo(Map.of("text", "after failure"));
    }

    @Test
    void onErrorRetry_retriesUpToMaxRetriesThenStops() throws Exception {
        WorkflowRun recovered = runWith("retry", 2);
        assertThat(recovered.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(recovered.stepRun(0).attempt()).isEqualTo(3);
        assertThat(recovered.stepRun(1).input()).isEqualTo(Map.of("text", "after success"));

        WorkflowRun exhausted = runWith("retry", 5);
        assertThat(exhausted.status()).isEqualTo(WorkflowRunStatus.FAILED);
        assertThat(exhausted.stepRun(0).attempt()).isEqualTo(3);
        assertThat(exhausted.failedStepOrder()).isZero();
    }

    @Test
    void testModeResolvesEveryStepWithoutRunningAPlugin() {
        plugboard.workflows().manage().create(aliceActs, workflow("preview", "\"triggerType\": \"MANUAL\"", SUMMARIZE_THEN_NOTIFY));
        TestReport report = plugboard.workflows().runs().test(aliceActs, "preview",
                Map.of("text", "a long enough message to notify"), false);
        assertThat(report.run()).isEmpty();
        assertThat(report.steps()).hasSize(2);
        assertThat(report.steps().get(0).input()).contains(Map.of("text", "a long enough message to notify"));
        // The summarizer's output schema stands in for its output: a sample string and integer.
        assertThat(report.steps().get(1).conditionValue()).isPresent();
        assertThat(summarize.settingsSeen).isEmpty();
        assertThat(notify.executions).hasValue(0);
    }

    @Test
    void savingChecksPluginsTemplatesCronAndMappings_allProblemsAtOnce() {
        assertThatThrownBy(() -> plugboard.workflows().manage().create(aliceActs, workflow("broken",
                "\"triggerType\": \"SCHEDULE\", \"triggerConfig\": {\"cron\": \"61 * * * *\"}", """
                        [{"order": 0, "plugin": "translate", "inputMapping": {}},
                         {"order": 1, "plugin": "summarize", "inputMapping": {"body": "{{ trigger.data.text }}"}},
                         {"order": 2, "plugin": "notify", "inputMapping": {"x": "{{ trigger.data.( }}"}}]""")))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .contains("/triggerConfig/cron", "/steps/0/plugin", "/steps/1/inputMapping/text",
                                "/steps/2/inputMapping"));
        assertThatThrownBy(() -> plugboard.workflows().manage().create(aliceActs, workflow("Bad_Slug",
                "\"triggerType\": \"MANUAL\"", "[{\"order\": 0, \"plugin\": \"notify\"}]")))
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> plugboard.workflows().manage().create(aliceActs, workflow("secret-in-config",
                "\"triggerType\": \"MANUAL\"", """
                        [{"order": 0, "plugin": "summarize", "inputMapping": {"text": "x"}, "config": {"apiKey": "k"}}]""")))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("/steps/0/config/apiKey"));
        assertThat(plugboard.workflows().manage().list(aliceActs, dev.plugboard.application.port.PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void cancellingARunCancelsItsStepRuns() throws Exception {
        plugboard.workflows().manage().create(aliceActs, workflow("cancel-me", "\"triggerType\": \"MANUAL\"",
                "[{\"order\": 0, \"plugin\": \"notify\", \"inputMapping\": {}}]"));
        WorkflowRun run = plugboard.workflows().runs().run(aliceActs, "cancel-me", Map.of());
        plugboard.workflows().engine().advanceDue(10);   // the step's plugin run is queued, not executed
        WorkflowRun cancelled = plugboard.workflows().runs().cancel(aliceActs, run.id());
        assertThat(cancelled.status()).isEqualTo(WorkflowRunStatus.CANCELLED);
        assertThat(cancelled.stepRun(0).status()).isEqualTo(StepRunStatus.FAILED);
        String pluginRun = cancelled.stepRun(0).pluginRunId();
        assertThat(plugboard.runs().get(alice.owner(), dev.plugboard.domain.run.RunId.parse(pluginRun)).status())
                .isEqualTo(dev.plugboard.domain.run.RunStatus.CANCELLED);
        executor.poll();
        assertThat(notify.executions).hasValue(0);
    }

    @Test
    void organizationWorkflowsAreSeenAndRunByMembersButManagedByAdminsOnly() {
        Caller acmeAdmin = Caller.member("olga", "acme", "free");
        install(acmeAdmin, "notify");
        WorkflowActor admin = new WorkflowActor(acmeAdmin, true, Optional.of("sales"));
        WorkflowActor member = new WorkflowActor(Caller.member("max", "acme", "free"), false, Optional.of("sales"));
        WorkflowActor otherDepartment = new WorkflowActor(Caller.member("eve", "acme", "free"), false, Optional.of("legal"));
        String oneStep = "[{\"order\": 0, \"plugin\": \"notify\", \"inputMapping\": {}}]";
        Map<String, Object> orgWide = JsonDocument.parse("""
                {"name": "Org wide", "slug": "org-wide", "scope": "ORGANIZATION", "status": "ACTIVE", "steps": %s}"""
                .formatted(oneStep)).asMap();
        Map<String, Object> sales = JsonDocument.parse("""
                {"name": "Sales only", "slug": "sales-only", "scope": "DEPARTMENT", "department": "sales", "steps": %s}"""
                .formatted(oneStep)).asMap();
        plugboard.workflows().manage().create(admin, orgWide);
        plugboard.workflows().manage().create(admin, sales);

        assertThat(plugboard.workflows().runs().run(member, "org-wide", Map.of()).status()).isEqualTo(WorkflowRunStatus.QUEUED);
        assertThatThrownBy(() -> plugboard.workflows().manage().changeStatus(member, "org-wide", WorkflowStatus.PAUSED,
                OptionalLong.empty())).isInstanceOfSatisfying(WorkflowException.class,
                e -> assertThat(e.code()).isEqualTo("workflow_forbidden"));
        assertThat(plugboard.workflows().manage().get(member, "sales-only").workflow().slug()).isEqualTo("sales-only");
        assertThatThrownBy(() -> plugboard.workflows().manage().get(otherDepartment, "sales-only"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("workflow_not_found"));
        assertThatThrownBy(() -> plugboard.workflows().manage().get(aliceActs, "org-wide"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("workflow_not_found"));
        assertThat(plugboard.workflows().manage().list(otherDepartment, dev.plugboard.application.port.PageRequest.first())
                .items()).extracting(w -> w.slug()).containsExactly("org-wide");
    }

    @Test
    void aWebhookDeliveryRunsOnlyWithAGoodFreshSignatureSeenOnce() {
        var saved = plugboard.workflows().manage().create(aliceActs, workflow("hook",
                "\"triggerType\": \"WEBHOOK\"", "[{\"order\": 0, \"plugin\": \"notify\", \"inputMapping\": {\"n\": \"{{ trigger.data.n }}\"}}]"));
        String secret = saved.webhookSecret().orElseThrow();
        assertThat(saved.workflow().definition().triggerConfig().get("secret")).contains("(set)");
        String id = saved.workflow().id();
        byte[] body = "{\"n\": 7}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String now = Long.toString(java.time.Instant.now().getEpochSecond());
        String signature = "sha256=" + new dev.plugboard.adapter.secrets.TinkWebhookSigner().sign(secret,
                dev.plugboard.application.service.workflow.WebhookService.signed(now, body));
        var webhooks = plugboard.workflows().webhooks();
        java.util.function.Function<ReceiveWebhookUseCase.Delivery, ReceiveWebhookUseCase.Refusal> refusal = delivery -> {
            try {
                webhooks.receive(delivery);
                return null;
            } catch (ReceiveWebhookUseCase.WebhookRefusedException e) {
                return e.refusal();
            }
        };

        assertThat(refusal.apply(new ReceiveWebhookUseCase.Delivery(id, "POST", Optional.of(now),
                Optional.of(signature.replace('a', 'b')), body))).isEqualTo(ReceiveWebhookUseCase.Refusal.SIGNATURE);
        assertThat(refusal.apply(new ReceiveWebhookUseCase.Delivery(id, "POST", Optional.of("1000000000"),
                Optional.of(signature), body))).isEqualTo(ReceiveWebhookUseCase.Refusal.STALE);
        assertThat(refusal.apply(new ReceiveWebhookUseCase.Delivery(id, "PUT", Optional.of(now),
                Optional.of(signature), body))).isEqualTo(ReceiveWebhookUseCase.Refusal.METHOD);
        assertThat(refusal.apply(new ReceiveWebhookUseCase.Delivery(id, "POST", Optional.of(now), Optional.of(signature),
                new byte[70_000]))).isEqualTo(ReceiveWebhookUseCase.Refusal.TOO_LARGE);
        assertThat(plugboard.workflows().runs().runs(aliceActs, "hook", dev.plugboard.application.port.PageRequest.first())
                .items()).isEmpty();

        WorkflowRun run = webhooks.receive(new ReceiveWebhookUseCase.Delivery(id, "POST", Optional.of(now),
                Optional.of(signature), body));
        assertThat(run.triggerData()).isEqualTo(Map.of("n", 7L));
        assertThat(refusal.apply(new ReceiveWebhookUseCase.Delivery(id, "POST", Optional.of(now), Optional.of(signature),
                body))).isEqualTo(ReceiveWebhookUseCase.Refusal.REPLAY);
        assertThat(plugboard.workflows().runs().runs(aliceActs, "hook", dev.plugboard.application.port.PageRequest.first())
                .items()).hasSize(1);
    }
}
