package dev.plugboard.domain.workflow;

/** Where a workflow run is; queued runs wait for the workflow's concurrency limit. */
public enum WorkflowRunStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String wireName() {
        return WireEnums.lower(this);
    }

    public static WorkflowRunStatus fromWire(String text) {
        return WireEnums.parse(WorkflowRunStatus.class, "workflow run status", text, WorkflowRunStatus::wireName);
    }

    /** Completed, failed and cancelled runs never move again. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
