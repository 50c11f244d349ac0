package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.workflow.CronSchedules;
import dev.plugboard.domain.workflow.Workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A schedule trigger's fire times, read from the workflow's trigger config. */
final class Schedules {

    private final CronSchedules crons;

    Schedules(CronSchedules crons) {
        this.crons = crons;
    }

    CronSchedules.CronSchedule of(Workflow workflow) {
        return crons.parse(String.valueOf(workflow.definition().triggerConfig().get("cron").orElse("")),
                workflow.definition().triggerConfig().get("timezone").map(String::valueOf).orElse(null));
    }

    List<Instant> next(Workflow workflow, Instant after, int count) {
        CronSchedules.CronSchedule schedule = of(workflow);
        List<Instant> times = new ArrayList<>();
        Instant cursor = after;
        while (times.size() < count) {
            Optional<Instant> next = schedule.nextAfter(cursor);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get());
            cursor = next.get();
        }
        return times;
    }

    String describe(Workflow workflow) {
        return of(workflow).describe();
    }

    /** Whether missed ticks fire once when the scheduler comes back ({@code once}, the default) or not at all. */
    static boolean fireOnceAfterMisfire(Workflow workflow) {
        return !"skip".equals(workflow.definition().triggerConfig().get("misfire").orElse("once"));
    }
}
