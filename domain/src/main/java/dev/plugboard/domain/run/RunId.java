package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;

import java.util.UUID;

/** A run's UUID, the handle clients and workers track it by. */
public record RunId(UUID value) {

    public RunId {
        Require.present("run id", value);
    }

    public static RunId of(UUID value) {
        return new RunId(value);
    }

    public static RunId parse(String text) {
        try {
            return new RunId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("run id", text, "must be a UUID such as 3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
