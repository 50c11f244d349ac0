package dev.plugboard.adapter.cli.support;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns whatever a command threw into one line on stderr and an exit code: domain errors by their
 * kind, anything unexpected as 1 with its message, and a stack trace only when asked for with
 * {@code --verbose} or {@code PLUGBOARD_DEBUG}, because operators read these, not developers.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final String DEBUG_VARIABLE = "PLUGBOARD_DEBUG";

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        ExitCode code = report(failure, err);
        if (code == ExitCode.FAILURE && (verbose(parseResult) || debugRequested())) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private static ExitCode report(Exception failure, PrintWriter err) {
        DomainException domain = find(failure, DomainException.class);
        if (domain instanceof InvalidSettingsException invalid) {
            if (InvalidSettingsException.SETTINGS_INVALID.equals(invalid.code())) {
                // Stored settings a schema change broke: say so (and what to do) before the violations.
                ErrorLines.error(err, invalid.code() + ": " + invalid.getMessage());
            }
            ErrorLines.violations(err, invalid.plugin(), invalid.violations());
            return ExitCode.INVALID_SETTINGS;
        }
        if (domain instanceof InvalidWorkflowException invalid) {
            ErrorLines.problems(err, invalid.problems());
            return ExitCode.of(invalid);
        }
        if (domain != null) {
            ErrorLines.error(err, domain.getMessage());
            return ExitCode.of(domain);
        }
        if (failure instanceof CliFailure known) {
            ErrorLines.error(err, known.getMessage());
            return known.exitCode();
        }
        String prefix = find(failure, SQLException.class) != null ? "database error: " : "";
        ErrorLines.error(err, prefix + describe(rootCause(failure)));
        return ExitCode.FAILURE;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static boolean debugRequested() {
        String value = System.getenv(DEBUG_VARIABLE);
        return value != null && !value.isBlank() && !Boolean.FALSE.toString().equals(value.toLowerCase(Locale.ROOT))
                && !"0".equals(value.strip());
    }
}
