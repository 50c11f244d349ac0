package dev.plugboard.adapter.cli.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeExpressionsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void givenShortAndIsoDurations_duration_readsThem() {
        assertThat(TimeExpressions.duration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(TimeExpressions.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TimeExpressions.duration("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(TimeExpressions.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TimeExpressions.duration("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(TimeExpressions.duration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TimeExpressions.duration("p3d")).isEqualTo(Duration.ofDays(3));
        assertThat(TimeExpressions.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void givenNonsense_duration_namesTheAcceptedForms() {
        assertThatThrownBy(() -> TimeExpressions.duration("soon")).hasMessage("'soon' is not a duration; " + dev.plugboard.domain.time.Durations.ACCEPTED);
        assertThatThrownBy(() -> TimeExpressions.duration("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEveryForm_instant_readsIt() {
        assertThat(TimeExpressions.instant("2026-03-01T10:15:00Z", NOW)).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(TimeExpressions.instant("2026-03-01T12:15:00+02:00", NOW)).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(TimeExpressions.instant("2026-03-01", NOW)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(TimeExpressions.instant("1h", NOW)).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(TimeExpressions.instant("7d", NOW)).isEqualTo(Instant.parse("2026-02-23T09:00:00Z"));
        assertThat(TimeExpressions.instant("PT30M", NOW)).isEqualTo(Instant.parse("2026-03-02T08:30:00Z"));
    }

    @Test
    void givenNonsense_instant_namesTheAcceptedForms() {
        assertThatThrownBy(() -> TimeExpressions.instant("2026-13-45", NOW)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> TimeExpressions.instant("2026-03-01T10:00", NOW)).hasMessageContaining("a date (2026-03-01)");
        assertThatThrownBy(() -> TimeExpressions.instant("last week", NOW)).hasMessageContaining("7d");
    }
}
