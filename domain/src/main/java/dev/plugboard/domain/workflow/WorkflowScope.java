package dev.plugboard.domain.workflow;

/** Who a workflow is for: one user, a department of an organization, or the whole organization. */
public enum WorkflowScope {
    USER, DEPARTMENT, ORGANIZATION;

    public String wireName() {
        return name();
    }

    public static WorkflowScope fromWire(String text) {
        return WireEnums.parse(WorkflowScope.class, "scope", text, WorkflowScope::wireName);
    }
}
