package dev.plugboard.domain.run;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** A worker reported on a run it no longer holds: its lease expired, or the run moved on without it. */
public final class LeaseLostException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final RunId run;
    private final String holder;

    public LeaseLostException(RunId run, String holder) {
        super("worker '" + holder + "' no longer holds the lease on run " + run
                + " (it expired or the run was handed to someone else); drop this run and claim again");
        this.run = run;
        this.holder = holder;
    }

    public RunId run() {
        return run;
    }

    public String holder() {
        return holder;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "lease_lost";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("run", run.toString(), "holder", holder);
    }
}
