package dev.plugboard.domain.run;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** Something happened to a run that its lifecycle ({@link RunTransitions}) refuses in its current status. */
public final class IllegalRunTransitionException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final RunId run;
    private final RunStatus from;
    private final RunEvent event;

    public IllegalRunTransitionException(RunId run, RunStatus from, RunEvent event) {
        super(message(run, from, event));
        this.run = run;
        this.from = from;
        this.event = event;
    }

    private static String message(RunId run, RunStatus from, RunEvent event) {
        String refused = "run " + run + " cannot " + event.verb() + " while " + from.wireName();
        if (from.isTerminal()) {
            return refused + " (it has already ended)";
        }
        return refused + "; it can now: " + RunTransitions.eventsFrom(from).stream().map(RunEvent::wireName).toList();
    }

    public RunId run() {
        return run;
    }

    public RunStatus from() {
        return from;
    }

    public RunEvent event() {
        return event;
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
        return Map.of("run", run.toString(), "from", from.wireName(), "event", event.wireName());
    }
}
