package dev.plugboard.adapter.cli.circuits;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Duration;

/** {@code plugboard circuits close PLUGIN}: lets a plugin run again for one owner at once. */
@Prototype
@Command(name = "close", mixinStandardHelpOptions = true,
        description = {"Force the circuit of a plugin closed for a user or an organization and clear its failure"
                + " streak: their runs of it go through again at once. Recorded in the audit trail.",
                "Exit 3 when the plugin does not exist."},
        footer = {"%nExample:", "  plugboard circuits close webhook --user alice"})
public class CloseCircuitCommand extends CliCommand {

    private final Provider<CircuitsUseCase> circuits;

    @Parameters(paramLabel = "PLUGIN", description = "The plugin's name.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    public CloseCircuitCommand(Provider<CircuitsUseCase> circuits) {
        this.circuits = circuits;
    }

    @Override
    protected ExitCode execute() {
        Circuit circuit = circuits.get().force(Operator.actor(), owner.owner(), PluginName.of(plugin), false, Duration.ZERO);
        out().println("Closed the circuit of " + circuit.plugin() + " for " + circuit.owner() + ": its runs go through again.");
        return ExitCode.OK;
    }
}
