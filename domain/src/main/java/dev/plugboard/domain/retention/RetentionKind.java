package dev.plugboard.domain.retention;

import java.time.Duration;
import java.util.Locale;

/** A kind of record that retention removes once it is older than its window, with the seed's default window. */
public enum RetentionKind {
    /** Completed, failed and cancelled plugin runs, with their attempts; never pending or processing ones. */
    RUNS(Duration.ofDays(30)),
    /** Workflow runs that ended; never queued or running ones. */
    WORKFLOW_RUNS(Duration.ofDays(30)),
    /** The record of schedule ticks that fired. */
    WORKFLOW_FIRES(Duration.ofDays(7)),
    /** The signatures of accepted webhook deliveries. */
    WORKFLOW_DELIVERIES(Duration.ofDays(7)),
    /** Hourly metric rollups, per plugin and per owner. */
    ROLLUPS(Duration.ofDays(90)),
    /** The analytics plugin's daily statistics. */
    ANALYTICS_DAYS(Duration.ofDays(365)),
    /** Audit entries. */
    AUDIT(Duration.ofDays(730)),
    /** Idempotency keys of events already fanned out. */
    EVENT_KEYS(Duration.ofDays(7));

    private final Duration defaultWindow;

    RetentionKind(Duration defaultWindow) {
        this.defaultWindow = defaultWindow;
    }

    public Duration defaultWindow() {
        return defaultWindow;
    }

    /** {@code workflow-runs} for WORKFLOW_RUNS: the name in configuration keys, the CLI and the audit trail. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
