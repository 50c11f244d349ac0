package dev.plugboard.application.port.in.state;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.List;
import java.util.Map;

/** A state document that cannot be applied: every problem found, each naming where it is. Nothing was changed. */
public final class StateProblemsException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public StateProblemsException(List<String> problems) {
        super("the state was not applied, nothing changed; " + problems.size() + " problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public String code() {
        return "invalid_state";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("problems", problems);
    }
}
