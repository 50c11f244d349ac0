package dev.plugboard.adapter.cli.state;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.Exported;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code plugboard export}: the declarative state as YAML on standard output. */
@Prototype
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write Plugboard's state as YAML: the global plugin switches, and every installation with its"
                + " settings and per-environment overrides. Secrets are written as references to an environment"
                + " variable or a file (see docs/catalog.md), never as values; a secret whose reference is not known gets"
                + " a placeholder reference, named on standard error."},
        footer = {"%nExamples:", "  plugboard export > state.yaml", "  plugboard export --owner user:alice > alice.yaml"})
public class ExportCommand extends CliCommand {

    private final Provider<DeclarativeStateUseCase> state;

    @Option(names = "--owner", paramLabel = "OWNER", description = "Only this owner's installations (user:alice, org:acme), no switches.")
    private String owner;

    public ExportCommand(Provider<DeclarativeStateUseCase> state) {
        this.state = state;
    }

    @Override
    protected ExitCode execute() {
        Exported exported = state.get().export(new DeclarativeStateUseCase.ExportCommand(
                Optional.ofNullable(owner).map(Owner::parse)));
        out().print(StateYaml.write(exported.state()));
        exported.warnings().forEach(warning -> err().println("plugboard: warning: " + warning));
        return ExitCode.OK;
    }
}
