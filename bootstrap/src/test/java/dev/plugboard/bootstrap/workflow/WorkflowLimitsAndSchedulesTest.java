package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.service.workflow.WorkflowSettings;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.WorkflowException;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workflow limits (steps, concurrent runs, runs per minute, trigger data size), missed schedule
 * ticks under {@code misfire: once} and {@code skip} with a clock the test moves, and the audit
 * trail of a webhook workflow, in memory.
 */
class WorkflowLimitsAndSchedulesTest {

    private final WorkflowTestPlugins.Notify notify = new WorkflowTestPlugins.Notify();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    private final Caller alice = Caller.user("alice", "free");
    private final WorkflowActor actor = WorkflowActor.of(alice);

    private Plugboard plugboard(WorkflowSettings settings) {
        Plugboard plugboard = Plugboard.builder().handlers(new HandlerRegistry(List.of(notify))).clock(now::get)
                .workflowSettings(settings).build();
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(alice, PluginName.of("notify"), Optional.empty(),
                Optional.empty()));
        return plugboard;
    }

    private static Map<String, Object> oneStep(String slug, String trigger) {
        return WorkflowsEmbeddedTest.workflow(slug, trigger, "[{\"order\": 0, \"plugin\": \"notify\", \"inputMapping\": {}}]");
    }

    private static WorkflowSettings limits(int steps, int concurrent, int perMinute, int dataBytes) {
        WorkflowSettings d = WorkflowSettings.defaults();
        return new WorkflowSettings(steps, concurrent, perMinute, dataBytes, Map.of(), d.checkInterval(),
                d.retryBackoff(), d.webhookTolerance(), d.maxWebhookBodyBytes());
    }

    @Test
    void moreStepsThanAllowedIsA422NamingTheLimit() {
        Plugboard plugboard = plugboard(limits(1, 10, 600, 1024));
        assertThatThrownBy(() -> plugboard.workflows().manage().create(actor, WorkflowsEmbeddedTest.workflow("two",
                "\"triggerType\": \"MANUAL\"", """
                        [{"order": 0, "plugin": "notify"}, {"order": 1, "plugin": "notify"}]""")))
                .isInstanceOfSatisfying(InvalidWorkflowException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("/steps");
                    assertThat(p.reason()).contains("plugboard.workflows.max-steps");
                }));
    }

    @Test
    void runsBeyondTheConcurrencyLimitWaitQueued_andStartWhenOneEnds() {
        Plugboard plugboard = plugboard(limits(50, 1, 600, 1024));
        plugboard.workflows().manage().create(actor, oneStep("one-at-a-time", "\"triggerType\": \"MANUAL\""));
        WorkflowRun first = plugboard.workflows().runs().run(actor, "one-at-a-time", Map.of());
        now.set(now.get().plusMillis(1));   // the second is younger, so the oldest starts first
        WorkflowRun second = plugboard.workflows().runs().run(actor, "one-at-a-time", Map.of());

        plugboard.workflows().engine().advanceDue(10);   // the first starts; its plugin run is queued, not executed
        assertThat(status(plugboard, first)).isEqualTo(WorkflowRunStatus.RUNNING);
        assertThat(status(plugboard, second)).isEqualTo(WorkflowRunStatus.QUEUED);

        try (RunExecutor executor = plugboard.newExecutor()) {
            for (int i = 0; i < 200 && status(plugboard, second) != WorkflowRunStatus.COMPLETED; i++) {
                executor.poll();
                now.set(now.get().plusSeconds(1));   // due again: the engine looks at waiting runs after its interval
                plugboard.workflows().engine().advanceDue(10);
                sleep();
            }
        }
        assertThat(status(plugboard, first)).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(status(plugboard, second)).isEqualTo(WorkflowRunStatus.COMPLETED);
    }

    @Test
    void anOwnerStartingMoreRunsPerMinuteThanAllowedIsRefused_untilTheMinuteIsOver() {
        Plugboard plugboard = plugboard(limits(50, 10, 2, 1024));
        plugboard.workflows().manage().create(actor, oneStep("busy", "\"triggerType\": \"MANUAL\""));
        plugboard.workflows().runs().run(actor, "busy", Map.of());
        plugboard.workflows().runs().run(actor, "busy", Map.of());
        assertThatThrownBy(() -> plugboard.workflows().runs().run(actor, "busy", Map.of()))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    assertThat(e.code()).isEqualTo("workflow_limit");
                    assertThat(e.getMessage()).contains("plugboard.workflows.runs-per-minute");
                });
        now.set(now.get().plus(Duration.ofSeconds(61)));
        assertThat(plugboard.workflows().runs().run(actor, "busy", Map.of()).status()).isEqualTo(WorkflowRunStatus.QUEUED);
    }

    @Test
    void triggerDataLargerThanAllowedIsRefusedWithNothingQueued() {
        Plugboard plugboard = plugboard(limits(50, 10, 600, 64));
        plugboard.workflows().manage().create(actor, oneStep("small", "\"triggerType\": \"MANUAL\""));
        assertThatThrownBy(() -> plugboard.workflows().runs().run(actor, "small", Map.of("text", "x".repeat(100))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("triggerData"));
        assertThat(plugboard.workflows().runs().runs(actor, "small", PageRequest.first()).items()).isEmpty();
    }

    private List<WorkflowRun> scheduled(Plugboard plugboard, String slug) {
        return plugboard.workflows().runs().runs(actor, slug, PageRequest.first()).items();
    }

    @Test
    void ticksMissedWhileNoInstanceRanFireOnce_underMisfireOnce() {
        Plugboard plugboard = plugboard(WorkflowSettings.defaults());
        plugboard.workflows().manage().create(actor, oneStep("daily",
                "\"triggerType\": \"SCHEDULE\", \"triggerConfig\": {\"cron\": \"0 9 * * *\", \"timezone\": \"UTC\"}"));
        assertThat(plugboard.workflows().manage().get(actor, "daily").nextFireTimes())
                .startsWith(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"));

        now.set(Instant.parse("2026-03-03T10:00:00Z"));   // three ticks passed while nothing ran
        assertThat(plugboard.workflows().scheduler().tick()).isEqualTo(1);
        assertThat(plugboard.workflows().scheduler().tick()).isZero();
        assertThat(scheduled(plugboard, "daily")).singleElement().satisfies(run ->
                assertThat(run.triggerData()).containsEntry("scheduledFor", "2026-03-03T09:00:00Z"));

        now.set(Instant.parse("2026-03-04T09:00:20Z"));   // on time (within the grace period)
        assertThat(plugboard.workflows().scheduler().tick()).isEqualTo(1);
        assertThat(scheduled(plugboard, "daily")).hasSize(2);
    }

    @Test
    void ticksMissedWhileNoInstanceRanNeverFire_underMisfireSkip() {
        Plugboard plugboard = plugboard(WorkflowSettings.defaults());
        plugboard.workflows().manage().create(actor, oneStep("daily-skip", "\"triggerType\": \"SCHEDULE\", "
                + "\"triggerConfig\": {\"cron\": \"0 9 * * *\", \"misfire\": \"skip\"}"));
        now.set(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(plugboard.workflows().scheduler().tick()).isZero();
        now.set(Instant.parse("2026-03-04T09:00:05Z"));
        assertThat(plugboard.workflows().scheduler().tick()).isEqualTo(1);
        assertThat(scheduled(plugboard, "daily-skip")).singleElement().satisfies(run ->
                assertThat(run.triggerData()).containsEntry("scheduledFor", "2026-03-04T09:00:00Z"));
    }

    @Test
    void aPausedScheduleDoesNotFire() {
        Plugboard plugboard = plugboard(WorkflowSettings.defaults());
        plugboard.workflows().manage().create(actor, oneStep("paused",
                "\"triggerType\": \"SCHEDULE\", \"triggerConfig\": {\"cron\": \"0 9 * * *\"}"));
        plugboard.workflows().manage().changeStatus(actor, "paused", dev.plugboard.domain.workflow.WorkflowStatus.PAUSED,
                java.util.OptionalLong.empty());
        now.set(Instant.parse("2026-03-01T09:00:01Z"));
        assertThat(plugboard.workflows().scheduler().tick()).isZero();
    }

    @Test
    void theWebhookSecretIsNeverInTheAuditTrail_everyChangeAndRunStartIsAudited() {
        Plugboard plugboard = plugboard(WorkflowSettings.defaults());
        String secret = "a-secret-the-author-chose-0123456789";
        plugboard.workflows().manage().create(actor, WorkflowsEmbeddedTest.workflow("hooked",
                "\"triggerType\": \"WEBHOOK\", \"triggerConfig\": {\"secret\": \"" + secret + "\"}",
                "[{\"order\": 0, \"plugin\": \"notify\", \"inputMapping\": {}}]"));
        plugboard.workflows().manage().update(actor, "hooked", JsonDocument.parse(JsonDocument.of(
                plugboard.workflows().manage().get(actor, "hooked").workflow().definition().toJson()).toJson()).asMap(),
                java.util.OptionalLong.empty());
        plugboard.workflows().runs().run(actor, "hooked", Map.of());

        var entries = plugboard.audit().list(AuditFilter.ALL, PageRequest.first()).items();
        assertThat(entries).extracting(e -> e.action().wireName())
                .contains("workflow_created", "workflow_updated", "workflow_run_started");
        assertThat(entries.toString()).doesNotContain(secret).contains("(set)");
        // The kept secret still signs: "(set)" sent back kept it.
        assertThat(plugboard.workflows().manage().get(actor, "hooked").workflow().definition().triggerConfig()
                .get("secret")).contains("(set)");
    }

    private static WorkflowRunStatus status(Plugboard plugboard, WorkflowRun run) {
        return plugboard.workflows().runs().getRun(WorkflowActor.of(Caller.user("alice", "free")), run.id()).status();
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
