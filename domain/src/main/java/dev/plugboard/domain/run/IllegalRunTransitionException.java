package dev.plugboard.domain.run;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** A run was asked to move between two states the lifecycle does not connect. */
public final class IllegalRunTransitionException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final RunId run;
    private final RunStatus from;
    private final RunStatus to;

    public IllegalRunTransitionException(RunId run, RunStatus from, RunStatus to) {
        this(run, from, to, null);
    }

    /**
     * For a move the table allows in general but the operation asked for does not (rejecting a
     * processing run, say): {@code reason} says which operation fits instead, where listing the
     * allowed next states would name the very state that was refused.
     */
    IllegalRunTransitionException(RunId run, RunStatus from, RunStatus to, String reason) {
        super(message(run, from, to, reason));
        this.run = run;
        this.from = from;
        this.to = to;
    }

    private static String message(RunId run, RunStatus from, RunStatus to, String reason) {
        String move = "run " + run + " cannot move from " + from.wireName() + " to " + to.wireName();
        if (from.isTerminal()) {
            return move + " (it has already ended)";
        }
        if (reason != null) {
            return move + ": " + reason;
        }
        return move + "; allowed next: " + RunTransitions.allowedFrom(from).stream().map(RunStatus::wireName).toList();
    }

    public RunId run() {
        return run;
    }

    public RunStatus from() {
        return from;
    }

    public RunStatus to() {
        return to;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "illegal_run_transition";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("run", run.toString(), "from", from.wireName(), "to", to.wireName());
    }
}
