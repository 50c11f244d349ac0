package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;

/** What started a run. */
public enum RunTrigger {
    MANUAL, EVENT, SCHEDULE, WORKFLOW_STEP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunTrigger fromWire(String text) {
        return Arrays.stream(values()).filter(trigger -> trigger.wireName().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("run trigger", text,
                        "use one of " + Arrays.stream(values()).map(RunTrigger::wireName).toList()));
    }
}
