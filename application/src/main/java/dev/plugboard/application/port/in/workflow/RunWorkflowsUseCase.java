package dev.plugboard.application.port.in.workflow;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.workflow.WorkflowRun;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts workflow runs by hand, tries a workflow out, and reads and cancels its runs. */
public interface RunWorkflowsUseCase {

    /** Queues a run with {@code triggerData}; it runs when the engine takes it. */
    WorkflowRun run(WorkflowActor actor, String slug, Map<String, Object> triggerData);

    /**
     * Test mode: resolves every step's condition and input with {@code triggerData} (and sample
     * outputs, from the plugins' output schemas, for earlier steps) without running any plugin. With
     * {@code execute}, queues a real run marked as a test run as well.
     */
    TestReport test(WorkflowActor actor, String slug, Map<String, Object> triggerData, boolean execute);

    Page<WorkflowRun> runs(WorkflowActor actor, String slug, PageRequest page);

    WorkflowRun getRun(WorkflowActor actor, String runId);

    /** Cancels the run and its pending and running step runs (and their plugin runs). */
    WorkflowRun cancel(WorkflowActor actor, String runId);

    /** What test mode found for each step, in order. */
    record TestReport(List<StepPreview> steps, Optional<WorkflowRun> run) {
    }

    /**
     * One step in test mode: whether it would run (its condition's value, when it has one), the
     * input it would get, or the error its templates give.
     */
    record StepPreview(int order, Optional<String> name, String plugin, Optional<Boolean> conditionValue,
                       boolean wouldRun, Optional<Object> input, Optional<String> error) {
    }
}
