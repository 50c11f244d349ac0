package dev.plugboard.adapter.cli.circuits;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Comparator;
import java.util.List;

/** {@code plugboard circuits list}: an owner's circuit breakers and their counts. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the circuit breakers of a user or an organization, by plugin: state (closed, open,"
                + " half-open), failure streak, when an open one half-opens, and the counts of successful,"
                + " failed and rejected runs. Idle closed circuits are forgotten, so a plugin may be missing."},
        footer = {"%nExamples:", "  plugboard circuits list --user alice",
                "  plugboard circuits list --org acme --json"})
public class ListCircuitsCommand extends CliCommand {

    private final Provider<CircuitsUseCase> circuits;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Mixin
    private JsonOption json;

    public ListCircuitsCommand(Provider<CircuitsUseCase> circuits) {
        this.circuits = circuits;
    }

    @Override
    protected ExitCode execute() {
        Owner whose = owner.owner();
        List<Circuit> found = circuits.get().circuits(whose).stream()
                .sorted(Comparator.comparing(circuit -> circuit.plugin().value()))
                .toList();
        if (json.enabled()) {
            Json.print(out(), found.stream().map(CircuitOutput::json).toList());
        } else if (found.isEmpty()) {
            out().println("No circuits for " + whose + ": none of its plugins has run lately.");
        } else {
            CircuitOutput.table(found, out());
        }
        return ExitCode.OK;
    }
}
