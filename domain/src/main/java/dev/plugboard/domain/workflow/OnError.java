package dev.plugboard.domain.workflow;

/** What a failed step does to its workflow run. */
public enum OnError {
    STOP, CONTINUE, RETRY;

    public String wireName() {
        return WireEnums.lower(this);
    }

    public static OnError fromWire(String text) {
        return WireEnums.parse(OnError.class, "onError", text, OnError::wireName);
    }
}
