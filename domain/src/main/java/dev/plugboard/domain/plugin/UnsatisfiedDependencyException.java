package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.List;
import java.util.Map;

/** A plugin's dependencies are missing, of the wrong version, disabled, or form a cycle. */
public final class UnsatisfiedDependencyException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;
    private final transient List<DependencyProblem> problems;

    public UnsatisfiedDependencyException(String plugin, List<DependencyProblem> problems) {
        super("plugin " + plugin + " has unsatisfied dependencies: "
                + String.join("; ", problems.stream().map(DependencyProblem::detail).toList()));
        this.plugin = plugin;
        this.problems = List.copyOf(problems);
    }

    public String plugin() {
        return plugin;
    }

    public List<DependencyProblem> problems() {
        return problems;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "unsatisfied_dependencies";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin, "problems", problems.stream().map(DependencyProblem::detail).toList());
    }
}
