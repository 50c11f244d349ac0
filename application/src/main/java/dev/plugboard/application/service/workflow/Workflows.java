package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ReceiveWebhookUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.EventFollowers;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.workflow.CronSchedules;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.application.port.out.workflow.TriggerLedger;
import dev.plugboard.application.port.out.workflow.WebhookSigner;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.application.port.out.workflow.WorkflowRunRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.function.Consumer;

/** The workflow use cases and background jobs, wired from their ports: one place for the server and embedders. */
public final class Workflows {

    private final WorkflowService manage;
    private final WorkflowRunService runs;
    private final WebhookService webhooks;
    private final WorkflowEngine engine;
    private final WorkflowScheduler scheduler;
    private final WorkflowEventTriggers events;
    private final WorkflowSecrets secrets;

    /** The ports workflows need; {@code log} receives lines an operator should see (a schedule that could not fire). */
    public record Ports(WorkflowRepository workflows, WorkflowRunRepository runs, TriggerLedger ledger,
                        TemplateEngine templates, CronSchedules crons, PluginRepository plugins,
                        InstallationRepository installations, RunRepository pluginRuns, StartRunUseCase starter,
                        SettingsPolicy policy, SecretCipher cipher, AuditTrail audit, TransactionBoundary transactions,
                        TimeSource clock, IdSource ids, Consumer<String> log,
                        WebhookSigner signer, Telemetry telemetry) {
    }

    public Workflows(Ports p, WorkflowSettings settings) {
        Schedules schedules = new Schedules(p.crons());
        WorkflowSecrets secrets = new WorkflowSecrets(p.cipher());
        this.secrets = secrets;
        WorkflowChecks checks = new WorkflowChecks(p.plugins(), p.installations(), p.policy(), p.templates(), p.crons(),
                settings);
        WorkflowLauncher launcher = new WorkflowLauncher(p.runs(), p.policy(), settings, p.audit(), p.clock(), p.ids());
        this.manage = new WorkflowService(p.workflows(), checks, secrets, schedules, p.audit(), p.clock(), p.ids());
        this.runs = new WorkflowRunService(p.workflows(), p.runs(), p.pluginRuns(), launcher,
                new TestMode(p.plugins(), p.templates(), settings), p.audit(), p.clock(), p.telemetry());
        this.webhooks = new WebhookService(p.workflows(), p.ledger(), secrets, launcher, p.audit(), settings, p.clock(),
                p.signer());
        this.engine = new WorkflowEngine(p.runs(), p.workflows(), p.pluginRuns(),
                new StepStarter(p.starter(), p.templates(), settings), p.templates(), p.transactions(), p.clock(), settings,
                p.telemetry());
        this.scheduler = new WorkflowScheduler(p.workflows(), p.ledger(), schedules, launcher, p.transactions(), p.clock(),
                p.log());
        this.events = new WorkflowEventTriggers(p.workflows(), launcher);
    }

    /** Create, read, change, delete workflows. */
    public ManageWorkflowsUseCase manage() {
        return manage;
    }

    /** A stored workflow's webhook secret in clear (none for other triggers), to compare a declared one with. */
    public java.util.Optional<String> webhookSecret(dev.plugboard.domain.workflow.Workflow stored) {
        return secrets.open(stored);
    }

    /** Manual runs, test mode, reading and cancelling runs. */
    public RunWorkflowsUseCase runs() {
        return runs;
    }

    /** Webhook deliveries. */
    public ReceiveWebhookUseCase webhooks() {
        return webhooks;
    }

    /** Advances workflow runs; call {@link WorkflowEngine#advanceDue(int)} periodically. */
    public WorkflowEngine engine() {
        return engine;
    }

    /** Fires schedule triggers; call {@link WorkflowScheduler#tick()} periodically. */
    public WorkflowScheduler scheduler() {
        return scheduler;
    }

    /** What starts EVENT workflows; give it to the event service. */
    public EventFollowers eventFollowers() {
        return events;
    }
}
