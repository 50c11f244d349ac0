package dev.plugboard.adapter.cli.support;

import dev.plugboard.adapter.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies the conventions every {@code plugboard} command shares: the exit-code table at the foot
 * of each help page, one version for all, and the error handlers. It is a model transformer
 * because bootstrap builds the {@link CommandLine} itself ({@code new CommandLine(PlugboardCommand.class,
 * factory)}) and picocli runs the top command's transformer once that CommandLine exists, so the
 * command tree configures its own error handling whoever constructs it.
 */
public final class CliConventions implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec root) {
        CommandLine commandLine = root.commandLine();
        if (commandLine != null) {
            commandLine.setParameterExceptionHandler(new UsageErrorHandler());
            commandLine.setExecutionExceptionHandler(new FailureHandler());
            // Statuses and actions are written in lowercase everywhere else (JSON, the API).
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            // '@file' is a value here ('runs start --input @input.json'), never a picocli argument file.
            commandLine.setExpandAtFiles(false);
        }
        decorate(root, root.versionProvider(), Collections.newSetFromMap(new IdentityHashMap<>()));
        return root;
    }

    private static void decorate(CommandSpec spec, IVersionProvider version, Set<CommandSpec> seen) {
        if (!seen.add(spec)) {
            return; // a command registered under an alias appears twice in its parent's map
        }
        String[] footer = Stream.concat(Stream.of(spec.usageMessage().footer()), Stream.of("", ExitCode.helpTable()))
                .toArray(String[]::new);
        spec.usageMessage().footer(footer);
        if (version != null) {
            spec.versionProvider(version);
        }
        spec.subcommands().values().forEach(sub -> decorate(sub.getCommandSpec(), version, seen));
    }
}
