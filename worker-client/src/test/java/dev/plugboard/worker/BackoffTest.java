package dev.plugboard.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void givenNoJitter_next_doublesEachStepUpToTheMaximum() {
        Backoff longest = new Backoff(SECOND, Duration.ofSeconds(5), () -> 0.999_999);

        assertThat(java.util.stream.Stream.generate(longest::next).limit(5))
                .containsExactly(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void givenTheLowestJitter_next_waitsHalfTheStep() {
        Backoff shortest = new Backoff(SECOND, Duration.ofSeconds(8), () -> 0.0);

        assertThat(shortest.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(shortest.next()).isEqualTo(SECOND);
        assertThat(shortest.next()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void givenBackedOff_reset_startsAgainFromTheInitialStep() {
        Backoff backoff = new Backoff(SECOND, Duration.ofMinutes(1), () -> 0.999_999);
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(SECOND);
    }

    @Test
    void givenAMaximumBelowTheInitialStep_constructor_refusesNamingBoth() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), SECOND, Math::random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT5S").hasMessageContaining("PT1S");
    }
}
