package dev.plugboard.domain.run;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** No run with this id belongs to the caller (another owner's run is reported the same way). */
public final class RunNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final RunId run;

    public RunNotFoundException(RunId run) {
        super("run " + run + " was not found");
        this.run = run;
    }

    public RunId run() {
        return run;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String code() {
        return "run_not_found";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("run", run.toString());
    }
}
