package dev.plugboard.adapter.cli.support;

import dev.plugboard.application.port.in.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain lines of {@link ProgressDisplay} (what logs, scripts and {@code --json} get), on a clock the test moves. */
class ProgressDisplayTest {

    private final StringWriter written = new StringWriter();
    private final MovableClock clock = new MovableClock();
    private final ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), false, clock);

    @Test
    void givenUpdatesWithinASecond_onlyTheFirstAndTheLast_arePrinted() {
        display.progress("sync plugins", 1, 4);
        display.progress("sync plugins", 2, 4);
        display.progress("sync plugins", 3, 4);
        display.progress("sync plugins", 4, 4);
        display.close();

        assertThat(lines()).containsExactly("sync plugins: 1 of 4", "sync plugins: 4 of 4");
    }

    @Test
    void givenASecondPassed_theNextUpdate_isPrinted() {
        display.progress("prune runs", 1_000, ProgressListener.UNKNOWN);
        clock.advance(ProgressDisplay.PLAIN_INTERVAL);
        display.progress("prune runs", 2_000, ProgressListener.UNKNOWN);

        assertThat(lines()).containsExactly("prune runs: 1,000 so far", "prune runs: 2,000 so far");
    }

    @Test
    void givenAnOwedLine_aNewTaskOrTheEnd_printsIt_withItsDetail() {
        display.progress("prune runs", 1_000, ProgressListener.UNKNOWN);
        display.progress("prune runs", 1_500, ProgressListener.UNKNOWN);
        display.progress("prune audit", 7, ProgressListener.UNKNOWN);
        display.progress("prune audit", 9, ProgressListener.UNKNOWN, "2 batches");
        display.close();

        assertThat(lines()).containsExactly("prune runs: 1,000 so far", "prune runs: 1,500 so far",
                "prune audit: 7 so far", "prune audit: 9 so far, 2 batches");
    }

    @Test
    void givenNoConsole_theDisplay_isPlainLinesNotABar() {
        assertThat(ProgressDisplay.onTerminal(null)).isFalse();
        StringWriter out = new StringWriter();

        try (ProgressDisplay plain = ProgressDisplay.on(new PrintWriter(out, true), false)) {
            plain.progress("sync plugins", 1, 2);
        }

        assertThat(out.toString()).as("no console under the test runner: a plain line").contains("sync plugins: 1 of 2");
    }

    @Test
    void givenNoProgress_closing_printsNothing() {
        display.close();

        assertThat(written.toString()).isEmpty();
    }

    private java.util.List<String> lines() {
        return written.toString().lines().toList();
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
