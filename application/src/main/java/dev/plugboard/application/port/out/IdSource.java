package dev.plugboard.application.port.out;

import java.util.UUID;

/** Where new identifiers come from; replaceable so tests can predict them. */
@FunctionalInterface
public interface IdSource {

    UUID newId();

    static IdSource random() {
        return UUID::randomUUID;
    }
}
