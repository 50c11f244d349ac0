package dev.plugboard.application.inmemory;

/** An in-memory store that can copy its state and go back to a copy, so a failed transaction leaves nothing behind. */
public interface Snapshotting {

    Object snapshot();

    void restore(Object snapshot);
}
