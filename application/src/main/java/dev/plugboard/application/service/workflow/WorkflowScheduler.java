package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.port.out.workflow.CronSchedules.CronSchedule;
import dev.plugboard.application.port.out.workflow.TriggerLedger;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fires schedule triggers. Every instance ticks; each fire time of each workflow is recorded once
 * in the trigger ledger, in the same transaction as the run it starts, so a tick fires exactly once
 * across all instances. Ticks up to {@link #GRACE} late fire as usual; older ones were missed while
 * no instance ran, and fire once ({@code misfire: once}, the default) or not at all ({@code skip}).
 * A schedule counts from its last fire, or from the workflow's last change.
 */
public final class WorkflowScheduler {

    static final Duration GRACE = Duration.ofSeconds(60);
    private static final int MAX_LATE_TICKS = 120;

    private final WorkflowRepository workflows;
    private final TriggerLedger ledger;
    private final Schedules schedules;
    private final WorkflowLauncher launcher;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final Consumer<String> log;

    WorkflowScheduler(WorkflowRepository workflows, TriggerLedger ledger, Schedules schedules, WorkflowLauncher launcher,
                      TransactionBoundary transactions, TimeSource clock, Consumer<String> log) {
        this.workflows = workflows;
        this.ledger = ledger;
        this.schedules = schedules;
        this.launcher = launcher;
        this.transactions = transactions;
        this.clock = clock;
        this.log = log;
    }

    /** Fires every tick that is due now; returns how many runs this instance started. */
    public int tick() {
        int fired = 0;
        for (Workflow workflow : workflows.live(TriggerType.SCHEDULE)) {
            try {
                fired += tick(workflow, clock.now());
            } catch (DomainException e) {
                log.accept("schedule of workflow " + workflow.owner() + "/" + workflow.slug() + " skipped: " + e.getMessage());
            }
        }
        return fired;
    }

    private int tick(Workflow workflow, Instant now) {
        CronSchedule schedule = schedules.of(workflow);
        Instant baseline = ledger.lastFire(workflow.id()).filter(last -> last.isAfter(workflow.updatedAt()))
                .orElse(workflow.updatedAt());
        Instant windowStart = baseline.isAfter(now.minus(GRACE)) ? baseline : now.minus(GRACE);
        List<Instant> due = new ArrayList<>();
        if (windowStart.isAfter(baseline) && Schedules.fireOnceAfterMisfire(workflow)) {
            schedule.latestAtOrBefore(windowStart).filter(missed -> missed.isAfter(baseline)).ifPresent(due::add);
        }
        Optional<Instant> next = schedule.nextAfter(windowStart);
        while (next.isPresent() && !next.get().isAfter(now) && due.size() < MAX_LATE_TICKS) {
            due.add(next.get());
            next = schedule.nextAfter(next.get());
        }
        int fired = 0;
        for (Instant fireTime : due) {
            if (fire(workflow, fireTime, now)) {
                fired++;
            }
        }
        return fired;
    }

    private boolean fire(Workflow workflow, Instant fireTime, Instant now) {
        return transactions.inTransaction(() -> {
            if (!ledger.firstFire(workflow.id(), fireTime, now)) {
                return false;
            }
            try {
                launcher.launch(Actor.system(), workflow, "schedule", TriggerType.SCHEDULE,
                        Map.of("scheduledFor", fireTime.toString(), "firedAt", now.toString()), false);
                return true;
            } catch (DomainException refused) {
                log.accept("schedule of workflow " + workflow.owner() + "/" + workflow.slug() + " at " + fireTime
                        + " did not start a run: " + refused.getMessage());
                return false;
            }
        });
    }
}
