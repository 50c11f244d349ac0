package dev.plugboard.adapter.cli.state;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.ApplyReport;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code plugboard apply -f state.yaml}: makes the database match a state file, in one transaction. */
@Prototype
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the database match a state file (as `plugboard export` writes): prints the changes, then"
                + " makes them in one transaction. Secret references (an environment variable or a file) are read from"
                + " this process's environment and files. A bad reference or invalid settings stop the whole apply, naming every"
                + " problem (exit 2); applying the same file again changes nothing."},
        footer = {"%nExamples:", "  plugboard apply -f state.yaml --dry-run", "  plugboard apply -f state.yaml --prune"})
public class ApplyCommand extends CliCommand {

    private final Provider<DeclarativeStateUseCase> state;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE|-", required = true, description = "The state file, or - for standard input.")
    private String file;

    @Option(names = "--dry-run", description = "Print the changes only; change nothing.")
    private boolean dryRun;

    @Option(names = "--prune", description = "Also uninstall installations and delete workflows the file does not name (of its owner, if it names one).")
    private boolean prune;

    public ApplyCommand(Provider<DeclarativeStateUseCase> state) {
        this.state = state;
    }

    @Override
    protected ExitCode execute() {
        ApplyReport report;
        try (ProgressDisplay progress = progress(false)) {
            report = state.get().apply(new DeclarativeStateUseCase.ApplyCommand(Operator.actor(),
                    StateYaml.read(file), dryRun, prune, ApplyCommand::resolve, progress));
        }
        report.changes().forEach(change -> out().println(change));
        report.unchanged().forEach(same -> out().println(same + " (unchanged)"));
        out().println(report.changes().isEmpty() ? "Nothing to change: the database matches the state file."
                : (dryRun ? "Dry run, nothing changed: " : "Applied ") + report.changes().size() + " change(s).");
        return ExitCode.OK;
    }

    private static Optional<String> resolve(String kind, String name) {
        if ("env".equals(kind)) {
            return Optional.ofNullable(System.getenv(name));
        }
        try {
            return Optional.of(Files.readString(Path.of(name), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
