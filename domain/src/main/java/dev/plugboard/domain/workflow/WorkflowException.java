package dev.plugboard.domain.workflow;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.LinkedHashMap;
import java.util.Map;

/** A workflow request refused: not found (or not visible), a state that does not allow it, a limit reached, not allowed. */
public final class WorkflowException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;
    private final String code;
    private final transient Map<String, Object> details;

    private WorkflowException(ErrorKind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details;
    }

    public static WorkflowException notFound(String slug) {
        return new WorkflowException(ErrorKind.NOT_FOUND, "workflow_not_found",
                "no workflow '" + slug + "' for this owner; list them with GET /api/user/workflows",
                details("workflow", slug));
    }

    public static WorkflowException runNotFound(String id) {
        return new WorkflowException(ErrorKind.NOT_FOUND, "workflow_run_not_found",
                "no workflow run '" + id + "' for this owner", details("workflowRun", id));
    }

    public static WorkflowException slugTaken(String slug) {
        return new WorkflowException(ErrorKind.CONFLICT, "workflow_exists",
                "a workflow with slug '" + slug + "' exists already for this owner; pick another slug or update it",
                details("workflow", slug));
    }

    public static WorkflowException state(String slug, String what) {
        return new WorkflowException(ErrorKind.CONFLICT, "workflow_state", "workflow '" + slug + "': " + what,
                details("workflow", slug));
    }

    public static WorkflowException limit(String limit, long value, String what) {
        Map<String, Object> details = details("limit", limit);
        details.put("value", value);
        return new WorkflowException(ErrorKind.LIMIT_EXCEEDED, "workflow_limit", what, details);
    }

    public static WorkflowException forbidden(String slug, String why) {
        return new WorkflowException(ErrorKind.FORBIDDEN, "workflow_forbidden", "workflow '" + slug + "': " + why,
                details("workflow", slug));
    }

    private static Map<String, Object> details(String key, Object value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(key, value);
        return details;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }
}
