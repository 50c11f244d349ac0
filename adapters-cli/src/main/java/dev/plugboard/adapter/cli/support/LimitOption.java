package dev.plugboard.adapter.cli.support;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.OptionalInt;

/** The {@code --limit} of list commands: without it every page is fetched. */
public final class LimitOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private Integer limit;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N items (default: all of them).")
    void limit(int value) {
        if (value < 1) {
            throw new ParameterException(mixee.commandLine(), "invalid value for option '--limit': " + value
                    + " (must be 1 or more; leave it out to list everything)");
        }
        this.limit = value;
    }

    public OptionalInt value() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }
}
