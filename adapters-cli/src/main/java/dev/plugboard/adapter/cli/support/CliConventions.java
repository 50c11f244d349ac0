package dev.plugboard.adapter.cli.support;

import dev.plugboard.adapter.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies the conventions every {@code plugboard} command shares: the exit-code table at the foot
 * of each help page, one version for all, and the error handlers. Applied once the tree is built
 * ({@code PlugboardCommand.commandLine}), because picocli gives handlers set on a command line to
 * the subcommands it has at that moment only.
 */
public final class CliConventions {

    private static final String EXIT_CODES = ExitCode.helpTable();

    private CliConventions() {
    }

    /** Sets the conventions on {@code root} and every command below it; returns {@code root}. */
    public static CommandLine apply(CommandLine root) {
        root.setParameterExceptionHandler(new UsageErrorHandler());
        root.setExecutionExceptionHandler(new FailureHandler());
        // Statuses and actions are written in lowercase everywhere else (JSON, the API).
        root.setCaseInsensitiveEnumValuesAllowed(true);
        // '@file' is a value here ('runs start --input @input.json'), never a picocli argument file.
        root.setExpandAtFiles(false);
        CommandSpec spec = root.getCommandSpec();
        decorate(spec, spec.versionProvider(), Collections.newSetFromMap(new IdentityHashMap<>()));
        return root;
    }

    private static void decorate(CommandSpec spec, IVersionProvider version, Set<CommandSpec> seen) {
        if (!seen.add(spec)) {
            return; // a command registered under an alias appears twice in its parent's map
        }
        String[] footer = Stream.concat(Stream.of(spec.usageMessage().footer()), Stream.of("", EXIT_CODES))
                .toArray(String[]::new);
        spec.usageMessage().footer(footer);
        if (version != null) {
            spec.versionProvider(version);
        }
        spec.subcommands().values().forEach(sub -> decorate(sub.getCommandSpec(), version, seen));
    }
}
