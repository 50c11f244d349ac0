package dev.plugboard.adapter.cli.support;

import dev.plugboard.domain.settings.Violation;
import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;

import java.io.PrintWriter;
import java.util.List;

/** Writes problems to stderr the same way everywhere: one {@code plugboard: error: ...} line per problem. */
public final class ErrorLines {

    public static final String PREFIX = "plugboard: error: ";

    private ErrorLines() {
    }

    public static void error(PrintWriter err, String message) {
        err.println(PREFIX + message);
    }

    /** Every violation on its own line, with its JSON pointer first so it can be found in the file. */
    public static void violations(PrintWriter err, String plugin, List<Violation> violations) {
        error(err, "settings for plugin '" + plugin + "' break its schema (" + violations.size()
                + (violations.size() == 1 ? " violation)" : " violations)"));
        for (Violation violation : violations) {
            error(err, violation.displayPointer() + ": " + violation.message() + " (" + violation.keyword() + ")");
        }
    }

    /** A workflow that can't be saved: a count, then each problem as {@code step N: /pointer: reason}. */
    public static void problems(PrintWriter err, List<Problem> problems) {
        error(err, "the workflow can't be saved; nothing was stored (" + problems.size()
                + (problems.size() == 1 ? " problem)" : " problems)"));
        problems.forEach(problem -> error(err, problem.toString()));
    }
}
