package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The W3C trace context a run joins: the trace id and the span id of the caller that started it
 * (from its {@code traceparent} header), so that the run's outbound calls and its worker continue
 * the caller's trace instead of starting one of their own.
 */
public record TraceContext(String traceId, String parentId) {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    /** Version 00's layout; a later version is read by its first four fields, as the specification asks. */
    private static final Pattern HEADER = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    public TraceContext {
        if (traceId == null || !TRACE_ID.matcher(traceId).matches() || traceId.equals(ZERO_TRACE)) {
            throw new InvalidValueException("trace id", traceId, "must be 32 lower-case hex digits, not all zero");
        }
        if (parentId == null || !SPAN_ID.matcher(parentId).matches() || parentId.equals(ZERO_SPAN)) {
            throw new InvalidValueException("parent span id", parentId, "must be 16 lower-case hex digits, not all zero");
        }
    }

    /**
     * The context of a {@code traceparent} header value; empty for a missing or invalid one, which the
     * W3C specification says to ignore (the run then starts a trace of its own).
     */
    public static Optional<TraceContext> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER.matcher(header.trim());
        if (!matcher.matches() || matcher.group(1).equals("ff") || (matcher.group(1).equals("00") && matcher.group(5) != null)
                || matcher.group(2).equals(ZERO_TRACE) || matcher.group(3).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(matcher.group(2), matcher.group(3)));
    }

    /** How it is stored: {@code <trace id>-<parent id>}. */
    public String stored() {
        return traceId + "-" + parentId;
    }

    /** Reads {@link #stored()}. */
    public static TraceContext fromStored(String stored) {
        int dash = stored.indexOf('-');
        if (dash < 0) {
            throw new InvalidValueException("stored trace context", stored, "must be <trace id>-<parent id>");
        }
        return new TraceContext(stored.substring(0, dash), stored.substring(dash + 1));
    }
}
