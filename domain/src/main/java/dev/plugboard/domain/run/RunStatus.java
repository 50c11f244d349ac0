package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;

/** Where a run is in its lifecycle; the legal moves between them are in {@link RunTransitions}. */
public enum RunStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return RunTransitions.allowedFrom(this).isEmpty();
    }

    /** The lowercase name used on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromWire(String text) {
        return Arrays.stream(values()).filter(status -> status.wireName().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("run status", text,
                        "use one of " + Arrays.stream(values()).map(RunStatus::wireName).toList()));
    }
}
