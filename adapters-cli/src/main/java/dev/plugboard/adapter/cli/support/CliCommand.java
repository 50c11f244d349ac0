package dev.plugboard.adapter.cli.support;

import dev.plugboard.adapter.cli.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Base of every command that does something: it writes through picocli's streams (so tests and
 * callers can redirect them) and answers with an {@link ExitCode}; failures are thrown and
 * reported in one place, {@link FailureHandler}.
 */
public abstract class CliCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            return execute().code();
        } finally {
            out().flush();
        }
    }

    /** Does the work; throws domain errors as they are, they are mapped to exit codes centrally. */
    protected abstract ExitCode execute() throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Where long work shows how far it has got, on stderr: a bar on a terminal, plain lines otherwise
     * and when {@code plain} (a command's {@code --json}), so that stdout stays parseable.
     */
    protected ProgressDisplay progress(boolean plain) {
        return ProgressDisplay.on(err(), plain);
    }

    /** An invalid combination of options: reported like any usage error, with exit code 2. */
    protected ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
