package dev.plugboard.adapter.cli.testing;

import dev.plugboard.adapter.cli.PlugboardCommand;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs {@code plugboard} exactly as bootstrap does, {@code PlugboardCommand.commandLine(new
 * MicronautFactory(context), args).execute(args)}, against a Micronaut context whose use cases are
 * the in-memory {@link TestPlugboard}; captures stdout, stderr and the exit code.
 */
public final class Cli {

    public static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256-signing";

    private static ApplicationContext context;

    private Cli() {
    }

    public static synchronized ApplicationContext context() {
        if (context == null) {
            context = ApplicationContext.builder().properties(Map.of("plugboard.jwt.secret", SECRET)).start();
        }
        return context;
    }

    /** A fresh catalog, installations, runs and audit trail, and a healthy fake database. */
    public static TestPlugboard reset() {
        context().getBean(FakeDatabaseAdmin.class).reset();
        context().getBean(FakeServer.class).exitWith(0);
        context().getBean(FakeWorkflows.class).reset();
        TestPlugboard plugboard = context().getBean(TestPlugboard.class);
        plugboard.reset();
        return plugboard;
    }

    public static CliResult run(String... args) {
        return run(context(), args);
    }

    /** Runs with {@code stdin} as standard input, for {@code --settings -}. */
    public static CliResult runWithInput(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }

    public static CliResult run(ApplicationContext in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PlugboardCommand.commandLine(new MicronautFactory(in), args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }
}
