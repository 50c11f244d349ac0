package dev.plugboard.application.service.execution;

import dev.plugboard.domain.run.RunId;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's W3C trace context: the trace id is the run's UUID without dashes, so every outbound
 * call of the run and every worker that claims it report one trace an operator can find by run
 * id; each call gets a fresh parent span id.
 */
public final class RunTrace {

    public static final String HEADER = "traceparent";

    private RunTrace() {
    }

    /** The run's trace id: its UUID's 32 hex digits. */
    public static String traceId(RunId run) {
        return run.value().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** A {@code traceparent} header value ({@code 00-<trace id>-<span id>-01}) for a call made on behalf of the run. */
    public static String traceparent(RunId run) {
        long span = ThreadLocalRandom.current().nextLong();
        // An all-zero span id is invalid in W3C trace context.
        return "00-" + traceId(run) + "-" + String.format("%016x", span == 0 ? 1 : span) + "-01";
    }
}
