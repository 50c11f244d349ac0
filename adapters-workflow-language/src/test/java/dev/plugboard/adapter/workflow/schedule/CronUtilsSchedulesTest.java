package dev.plugboard.adapter.workflow.schedule;

import dev.plugboard.application.port.out.workflow.CronSchedules.CronSchedule;
import dev.plugboard.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronUtilsSchedulesTest {

    private final CronUtilsSchedules schedules = new CronUtilsSchedules();

    @Test
    void fiveFields_fireEveryDayAtNineUtcByDefault() {
        CronSchedule daily = schedules.parse("0 9 * * *", null);
        assertThat(daily.nextAfter(Instant.parse("2026-03-01T08:59:59Z"))).contains(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-03-01T09:00:00Z"))).contains(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(schedules.parse("0 9 * * *", " ").nextAfter(Instant.parse("2026-03-01T09:00:00.500Z")))
                .contains(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(daily.describe()).containsIgnoringCase("9").contains("UTC");
    }

    @Test
    void sixFields_putSecondsFirst_andStarMeansEverySecond() {
        for (String cron : new String[] {"* * * * * *", "*/1 * * * * *"}) {
            CronSchedule everySecond = schedules.parse(cron, "UTC");
            assertThat(everySecond.nextAfter(Instant.parse("2026-03-01T10:00:00Z"))).contains(Instant.parse("2026-03-01T10:00:01Z"));
            assertThat(everySecond.nextAfter(Instant.parse("2026-03-01T10:00:00.300Z"))).contains(Instant.parse("2026-03-01T10:00:01Z"));
        }
        CronSchedule quarterMinutes = schedules.parse("*/15 * * * * *", "UTC");
        assertThat(quarterMinutes.nextAfter(Instant.parse("2026-03-01T10:00:16Z"))).contains(Instant.parse("2026-03-01T10:00:30Z"));
    }

    @Test
    void europeBerlin_keepsNineOClockWallTimeAcrossDaylightSaving() {
        CronSchedule daily = schedules.parse("0 9 * * *", "Europe/Berlin");
        // Clocks went forward on 2026-03-29: 09:00 is 08:00Z before and 07:00Z after.
        assertThat(daily.nextAfter(Instant.parse("2026-03-28T09:00:00Z"))).contains(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-03-27T12:00:00Z"))).contains(Instant.parse("2026-03-28T08:00:00Z"));
        // Clocks went back on 2026-10-25.
        assertThat(daily.nextAfter(Instant.parse("2026-10-24T12:00:00Z"))).contains(Instant.parse("2026-10-25T08:00:00Z"));
        assertThat(daily.describe()).contains("Europe/Berlin");
    }

    @Test
    void aWallTimeSkippedBySpringForward_doesNotFireThatDay() {
        CronSchedule halfPastTwo = schedules.parse("30 2 * * *", "Europe/Berlin");
        // 02:30 did not exist in Berlin on 2026-03-29; the next fire is 02:30 CEST on the 30th.
        assertThat(halfPastTwo.nextAfter(Instant.parse("2026-03-28T12:00:00Z"))).contains(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void badCron_namesTheFieldAndTheFormsToUse() {
        assertThatThrownBy(() -> schedules.parse("0 9 * *", "UTC"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("cron");
                    assertThat(e.value()).isEqualTo("0 9 * *");
                    assertThat(e.rule()).startsWith("has 4 fields; use five fields 'minute hour day-of-month month day-of-week'");
                });
        assertThatThrownBy(() -> schedules.parse("0 99 * * *", "UTC"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("cron");
                    assertThat(e.rule()).startsWith("Value 99 not in range [0, 23]; use five fields").contains("docs/workflows.md");
                });
        assertThatThrownBy(() -> schedules.parse("every day", "UTC"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cron"));
        assertThatThrownBy(() -> schedules.parse(null, "UTC"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).startsWith("is empty"));
    }

    @Test
    void badZone_namesTheFieldAndGivesExamples() {
        assertThatThrownBy(() -> schedules.parse("0 9 * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("timezone");
                    assertThat(e.value()).isEqualTo("Mars/Olympus");
                    assertThat(e.rule()).contains("'Europe/Berlin'");
                });
    }

    @org.junit.jupiter.api.Test
    void theLatestFireTimeAtOrBeforeAnInstantIncludesThatInstant() {
        CronSchedule daily = schedules.parse("0 9 * * *", "UTC");
        assertThat(daily.latestAtOrBefore(Instant.parse("2026-03-02T09:00:00Z"))).contains(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(daily.latestAtOrBefore(Instant.parse("2026-03-02T08:59:59Z"))).contains(Instant.parse("2026-03-01T09:00:00Z"));
        CronSchedule everySecond = schedules.parse("* * * * * *", "UTC");
        assertThat(everySecond.latestAtOrBefore(Instant.parse("2026-03-02T08:59:59.700Z")))
                .contains(Instant.parse("2026-03-02T08:59:59Z"));
    }
}
