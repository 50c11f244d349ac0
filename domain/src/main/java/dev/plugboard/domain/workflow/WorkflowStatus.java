package dev.plugboard.domain.workflow;

/** Where a workflow is in its life: only an active, enabled workflow is started by its trigger. */
public enum WorkflowStatus {
    DRAFT, ACTIVE, PAUSED, ARCHIVED;

    public String wireName() {
        return name();
    }

    public static WorkflowStatus fromWire(String text) {
        return WireEnums.parse(WorkflowStatus.class, "status", text, WorkflowStatus::wireName);
    }
}
