package dev.plugboard.adapter.workflow.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.plugboard.application.port.out.workflow.CronSchedules;
import dev.plugboard.domain.error.InvalidValueException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Cron schedules read with cron-utils: five fields as in Unix cron (minute precision), or six with a
 * leading seconds field as in Spring, in an IANA time zone (UTC when none is named).
 */
public final class CronUtilsSchedules implements CronSchedules {

    static final String FORMS = "use five fields 'minute hour day-of-month month day-of-week' (e.g. '0 9 * * *'), "
            + "or six with seconds first (e.g. '*/10 * * * * *'); see docs/workflows.md";

    private final CronParser fiveFields = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private final CronParser sixFields = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    @Override
    public CronSchedule parse(String cron, String timezone) {
        ZoneId zone = zone(timezone);
        if (cron == null || cron.isBlank()) {
            throw new InvalidValueException("cron", cron, "is empty; " + FORMS);
        }
        String expression = cron.strip().replaceAll("\\s+", " ");
        int fields = expression.split(" ").length;
        CronParser parser = switch (fields) {
            case 5 -> fiveFields;
            case 6 -> sixFields;
            default -> throw new InvalidValueException("cron", cron, "has " + fields + " fields; " + FORMS);
        };
        Cron parsed;
        try {
            parsed = parser.parse(expression).validate();
        } catch (IllegalArgumentException bad) {
            throw new InvalidValueException("cron", cron, readable(bad.getMessage()) + "; " + FORMS);
        }
        return new ZonedCronSchedule(parsed, zone);
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException bad) {
            throw new InvalidValueException("timezone", timezone,
                    "is not an IANA time zone; use a name such as 'Europe/Berlin', 'America/New_York' or 'UTC'");
        }
    }

    private static String readable(String message) {
        if (message == null || message.isBlank()) {
            return "is not a valid cron expression";
        }
        // cron-utils starts every message with the same sentence; the rest names the bad value.
        return message.replaceFirst("^Failed to parse cron expression\\.\\s*", "").strip().replaceAll("\\.$", "");
    }
}
