package dev.plugboard.domain.circuit;

import java.util.Locale;

/** Closed lets runs through; open rejects them until the cooldown ends; half-open lets a few trials through. */
public enum CircuitState {
    CLOSED, OPEN, HALF_OPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
