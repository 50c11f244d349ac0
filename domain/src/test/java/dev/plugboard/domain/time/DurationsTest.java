package dev.plugboard.domain.time;

import dev.plugboard.domain.error.InvalidValueException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Property
    void givenAnyDuration_parseOfFormat_isTheSameDuration(@ForAll("durations") Duration duration) {
        assertThat(Durations.parse("d", Durations.format(duration))).isEqualTo(duration);
    }

    @Property
    void givenAnyDuration_parseOfIso_isTheSameDuration(@ForAll("durations") Duration duration) {
        assertThat(Durations.parse("d", duration.toString())).isEqualTo(duration);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Duration> millis = Arbitraries.longs().between(0, 400L * 365 * 24 * 3600 * 1000).map(Duration::ofMillis);
        Arbitrary<Duration> nanos = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofNanos);
        return Arbitraries.oneOf(millis, nanos, Arbitraries.of(Duration.ZERO, Duration.ofDays(8), Duration.ofMillis(1)));
    }

    @Example
    void givenEveryDocumentedForm_parse_readsIt() {
        Map<String, Duration> forms = Map.of("30s", Duration.ofSeconds(30), "2m", Duration.ofMinutes(2),
                "1h30m", Duration.ofMinutes(90), "500ms", Duration.ofMillis(500), "7d", Duration.ofDays(7),
                "2w", Duration.ofDays(14), "1d12h", Duration.ofHours(36), "PT30S", Duration.ofSeconds(30),
                "p3d", Duration.ofDays(3), " 1H ", Duration.ofHours(1));
        forms.forEach((text, expected) -> assertThat(Durations.parse("d", text)).as(text).isEqualTo(expected));
    }

    @Example
    void givenDurations_format_writesTheShortForm() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofNanos(1))).isEqualTo("PT0.000000001S");
    }

    @Example
    void givenBadText_parse_namesTheFieldTheValueAndTheAcceptedForms() {
        for (String bad : new String[] {"", "forever", "30", "30m1h", "1h 30m", "-5s", "-PT5S", "PT", "5x", "99999999999999999w"}) {
            assertThatThrownBy(() -> Durations.parse("plugboard.lease", bad)).as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("invalid plugboard.lease '" + bad + "': not a duration; " + Durations.ACCEPTED);
        }
    }
}
