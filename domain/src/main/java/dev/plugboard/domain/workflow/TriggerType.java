package dev.plugboard.domain.workflow;

/** What starts a workflow. */
public enum TriggerType {
    MANUAL, SCHEDULE, WEBHOOK, EVENT;

    public String wireName() {
        return name();
    }

    public static TriggerType fromWire(String text) {
        return WireEnums.parse(TriggerType.class, "triggerType", text, TriggerType::wireName);
    }
}
