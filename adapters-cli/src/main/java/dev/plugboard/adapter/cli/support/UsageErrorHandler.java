package dev.plugboard.adapter.cli.support;

import dev.plugboard.adapter.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Reports a usage error in three short lines (what was wrong, the synopsis, where to read more)
 * instead of picocli's full help page, which would bury the one line that matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        PrintWriter err = commandLine.getErr();
        ErrorLines.error(err, withoutErrorPrefix(problem.getMessage()));
        UnmatchedArgumentException.printSuggestions(problem, err);
        Help help = commandLine.getHelp();
        String heading = help.synopsisHeading();
        err.print(heading + help.synopsis(heading.length()));
        err.printf("Try '%s --help' for more information.%n", commandLine.getCommandSpec().qualifiedName());
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Picocli starts some messages with "Error: ", which would read "error: Error: ". */
    private static String withoutErrorPrefix(String message) {
        String text = message == null ? "invalid usage" : message.strip();
        return text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
    }
}
