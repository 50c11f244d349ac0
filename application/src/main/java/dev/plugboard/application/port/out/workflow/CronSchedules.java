package dev.plugboard.application.port.out.workflow;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Instant;
import java.util.Optional;

/** Reads cron expressions of schedule triggers and computes their fire times in a time zone. */
public interface CronSchedules {

    /**
     * Parses a cron expression: five fields (minute precision, as in Unix cron) or six (a leading
     * seconds field), in the named IANA time zone.
     *
     * @throws InvalidValueException naming {@code cron} or {@code timezone} and what is wrong with it
     */
    CronSchedule parse(String cron, String timezone);

    /** A parsed schedule. */
    interface CronSchedule {

        /** The first fire time strictly after {@code after}, if the schedule fires again. */
        Optional<Instant> nextAfter(Instant after);

        /** The last fire time at or before {@code at}, if the schedule fired by then. */
        Optional<Instant> latestAtOrBefore(Instant at);

        /** A description a person can read, such as "every day at 09:00". */
        String describe();
    }
}
