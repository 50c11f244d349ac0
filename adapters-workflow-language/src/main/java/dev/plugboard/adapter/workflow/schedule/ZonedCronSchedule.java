package dev.plugboard.adapter.workflow.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import dev.plugboard.application.port.out.workflow.CronSchedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** One parsed cron expression in its time zone; fire times follow the zone's wall clock across DST changes. */
final class ZonedCronSchedule implements CronSchedules.CronSchedule {

    private final Cron cron;
    private final ZoneId zone;
    private final ExecutionTime executions;

    ZonedCronSchedule(Cron cron, ZoneId zone) {
        this.cron = cron;
        this.zone = zone;
        this.executions = ExecutionTime.forCron(cron);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        // cron-utils carries the start's fraction of a second into its answer; fire times are whole seconds.
        ZonedDateTime from = after.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        // The port promises strictly after; guard against a library answer equal to (or before) the start.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ZonedDateTime> next = executions.nextExecution(from);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Instant candidate = next.get().toInstant();
            if (candidate.isAfter(after)) {
                return Optional.of(candidate);
            }
            from = next.get().plusSeconds(1);
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> latestAtOrBefore(Instant at) {
        // cron-utils answers strictly before its argument; one second later includes a fire time equal to 'at'.
        ZonedDateTime until = at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(zone);
        return executions.lastExecution(until).map(ZonedDateTime::toInstant).filter(last -> !last.isAfter(at));
    }

    @Override
    public String describe() {
        String description = CronDescriptor.instance(Locale.ENGLISH).describe(cron);
        return zone.equals(ZoneOffset.UTC) ? description + " (UTC)" : description + " (" + zone.getId() + ")";
    }

    @Override
    public String toString() {
        return cron.asString() + " " + zone.getId();
    }
}
