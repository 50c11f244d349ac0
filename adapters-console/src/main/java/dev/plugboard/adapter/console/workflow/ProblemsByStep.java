package dev.plugboard.adapter.console.workflow;

import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Save-time problems of a workflow: the workflow's own, and each step's under its order. */
public record ProblemsByStep(List<Problem> workflow, Map<Integer, List<Problem>> steps) {

    static ProblemsByStep of(List<Problem> problems) {
        return new ProblemsByStep(problems.stream().filter(p -> p.stepOrder() == null).toList(),
                problems.stream().filter(p -> p.stepOrder() != null)
                        .collect(Collectors.groupingBy(Problem::stepOrder, TreeMap::new, Collectors.toList())));
    }

    public boolean isEmpty() {
        return workflow.isEmpty() && steps.isEmpty();
    }
}
