package dev.plugboard.adapter.cli.support;

import picocli.CommandLine.Option;

/** The {@code --json} switch of every list and show command. */
public final class JsonOption {

    @Option(names = "--json", description = "Print JSON (stable field names) instead of a table, for scripts.")
    private boolean json;

    public boolean enabled() {
        return json;
    }
}
