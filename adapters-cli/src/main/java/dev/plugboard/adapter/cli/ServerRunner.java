package dev.plugboard.adapter.cli;

/** Runs the HTTP server for {@code plugboard serve}; bootstrap implements it, so the CLI never sees the server. */
public interface ServerRunner {

    /** Starts the server and blocks until it stops; returns the process exit code. */
    int serve();
}
