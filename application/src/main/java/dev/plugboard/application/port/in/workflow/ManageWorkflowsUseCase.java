package dev.plugboard.application.port.in.workflow;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Creates, reads, changes and deletes an owner's workflows. Every workflow returned has its
 * trigger secret redacted ({@code "(set)"}); a document sent back with {@code "(set)"} keeps the
 * stored secret. Another owner's workflow, or a department workflow of another department, is
 * not found.
 */
public interface ManageWorkflowsUseCase {

    /** A saved workflow; {@code webhookSecret} is the generated webhook secret, shown this once. */
    record Saved(Workflow workflow, Optional<String> webhookSecret) {
    }

    /** A workflow with what its trigger will do next. */
    record WorkflowDetails(Workflow workflow, List<Instant> nextFireTimes, Optional<String> schedule,
                           Optional<String> webhookPath) {
    }

    /**
     * @param document the JSON or YAML form (seed field names)
     * @throws InvalidWorkflowException with every problem found (plugin not installed, bad cron, template errors, ...)
     */
    Saved create(WorkflowActor actor, Map<String, Object> document);

    /** Replaces the definition (and status or switch, when the document names them); the version goes up. */
    Saved update(WorkflowActor actor, String slug, Map<String, Object> document, OptionalLong expectedVersion);

    void delete(WorkflowActor actor, String slug, OptionalLong expectedVersion);

    Workflow changeStatus(WorkflowActor actor, String slug, WorkflowStatus target, OptionalLong expectedVersion);

    WorkflowDetails get(WorkflowActor actor, String slug);

    Page<Workflow> list(WorkflowActor actor, PageRequest page);
}
