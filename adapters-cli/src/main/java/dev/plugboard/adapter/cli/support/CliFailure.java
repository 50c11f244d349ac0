package dev.plugboard.adapter.cli.support;

import dev.plugboard.adapter.cli.ExitCode;

/** A failure the CLI itself detects (not a domain error), with the exit code it ends the process with. */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public CliFailure(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
