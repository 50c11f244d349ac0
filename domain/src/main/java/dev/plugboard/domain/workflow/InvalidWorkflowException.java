package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A workflow that can't be saved as written: every problem found, each with the step it is in (if
 * any), the field (a JSON pointer into the workflow document) and the reason.
 */
public final class InvalidWorkflowException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** One problem; {@code stepOrder} is null for the workflow's own fields. */
    public record Problem(Integer stepOrder, String field, String reason) {

        @Override
        public String toString() {
            return (stepOrder == null ? "" : "step " + stepOrder + ": ") + field + ": " + reason;
        }
    }

    public InvalidWorkflowException(List<Problem> problems) {
        super("the workflow can't be saved: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_SETTINGS;
    }

    @Override
    public String code() {
        return "invalid_workflow";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("problems", problems);
    }
}
