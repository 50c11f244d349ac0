package dev.plugboard.application.service.execution;

import dev.plugboard.domain.run.PluginRun;

import dev.plugboard.domain.run.TraceContext;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's W3C trace context: the trace of the caller that started it (its {@code traceparent}), or
 * else one of the run's own whose id is the run's UUID without dashes, so every outbound call of the
 * run and every worker that claims it report one trace an operator can find; each call gets a fresh
 * parent span id.
 */
public final class RunTrace {

    public static final String HEADER = "traceparent";

    private RunTrace() {
    }

    /** The run's trace id: the caller's, or the run's UUID's 32 hex digits. */
    public static String traceId(PluginRun run) {
        return run.trace().map(TraceContext::traceId)
                .orElseGet(() -> run.id().value().toString().replace("-", "").toLowerCase(Locale.ROOT));
    }

    /** A {@code traceparent} header value ({@code 00-<trace id>-<span id>-01}) for a call made on behalf of the run. */
    public static String traceparent(PluginRun run) {
        long span = ThreadLocalRandom.current().nextLong();
        // An all-zero span id is invalid in W3C trace context.
        return "00-" + traceId(run) + "-" + String.format("%016x", span == 0 ? 1 : span) + "-01";
    }
}
