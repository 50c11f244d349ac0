package dev.plugboard.application.spi;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.RunId;

/** What a handler knows of the run it executes: whose it is, which one, where to log, and its own store. */
public interface HandlerContext {

    Owner owner();

    RunId runId();

    int attempt();

    /** A logger named {@code dev.plugboard.plugin.<name>}; include {@link #runId()} in messages that need it. */
    System.Logger logger();

    /** The installation's own key-value store, kept between runs. */
    KeyValueStore store();
}
