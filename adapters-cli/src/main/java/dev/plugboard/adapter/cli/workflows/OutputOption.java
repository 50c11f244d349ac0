package dev.plugboard.adapter.cli.workflows;

import picocli.CommandLine.Option;

/**
 * The output format of the workflow commands: {@code -o table|json|yaml}, and {@code --json} as
 * the other commands spell it.
 */
public final class OutputOption {

    /** How a result is printed. */
    public enum Format { TABLE, JSON, YAML }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "table (default), json or yaml; yaml is the form -f reads.")
    private Format format;

    @Option(names = "--json", description = "The same as --output json.")
    private boolean json;

    public Format format() {
        return json ? Format.JSON : format == null ? Format.TABLE : format;
    }
}
