package dev.plugboard.application.spi;

import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.RunId;

/**
 * What a handler knows of the run it executes: whose it is, which one, where to log, its own store,
 * and the guarded HTTP client it must use for any request it makes.
 */
public interface HandlerContext {

    Owner owner();

    RunId runId();

    int attempt();

    /** A logger named {@code dev.plugboard.plugin.<name>}; include {@link #runId()} in messages that need it. */
    System.Logger logger();

    /** The installation's own key-value store, kept between runs. */
    KeyValueStore store();

    /**
     * The guarded HTTP client: every request a plugin makes goes through it, so internal addresses
     * stay out of reach. A context that offers none refuses every request.
     */
    default OutboundHttp outbound() {
        return OutboundHttp.refusingAll();
    }
}
