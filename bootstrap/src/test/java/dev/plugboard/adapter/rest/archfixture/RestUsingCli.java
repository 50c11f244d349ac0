package dev.plugboard.adapter.rest.archfixture;

import dev.plugboard.adapter.cli.ExitCode;

/** Breaks "adapters never depend on each other". */
public class RestUsingCli {
    public int code() {
        return ExitCode.NOT_FOUND.code();
    }
}
