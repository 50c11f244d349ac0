package dev.plugboard.domain.workflow;

/** Where one step of a workflow run is. */
public enum StepRunStatus {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED;

    public String wireName() {
        return WireEnums.lower(this);
    }

    public static StepRunStatus fromWire(String text) {
        return WireEnums.parse(StepRunStatus.class, "step run status", text, StepRunStatus::wireName);
    }

    /** Completed, failed and skipped steps never move again. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == SKIPPED;
    }
}
