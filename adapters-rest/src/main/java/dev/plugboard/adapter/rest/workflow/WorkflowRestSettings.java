package dev.plugboard.adapter.rest.workflow;

/**
 * The names and defaults of the settings the workflow endpoints read, written once here so that
 * the launch checks in bootstrap name the same keys.
 */
public final class WorkflowRestSettings {

    /** The token claim that holds a caller's department (a dotted path reaches into nested claims). */
    public static final String DEPARTMENT_CLAIM = "plugboard.workflows.department-claim";
    public static final String DEFAULT_DEPARTMENT_CLAIM = "department";

    /** The largest webhook body accepted, in bytes; a larger one is refused with 413 before it is read. */
    public static final String WEBHOOK_MAX_BODY_BYTES = "plugboard.workflows.webhook.max-body-bytes";
    public static final long DEFAULT_WEBHOOK_MAX_BODY_BYTES = 65_536;

    private WorkflowRestSettings() {
    }
}
