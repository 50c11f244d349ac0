package dev.plugboard.adapter.cli.circuits;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.DurationConverter;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** {@code plugboard circuits open PLUGIN}: pauses a plugin for one owner. */
@Prototype
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Force the circuit of a plugin open for a user or an organization: their runs of it fail at"
                + " once with PLUGIN_CIRCUIT_OPEN (and the seconds to wait) until the time is up; then it"
                + " half-opens and lets a few trial runs through. Recorded in the audit trail.",
                "Exit 3 when the plugin does not exist."},
        footer = {"%nExamples:", "  plugboard circuits open webhook --user alice",
                "  plugboard circuits open webhook --org acme --for 2h"})
public class OpenCircuitCommand extends CliCommand {

    static final String DEFAULT_FOR = "5m";

    private final Provider<CircuitsUseCase> circuits;

    @Parameters(paramLabel = "PLUGIN", description = "The plugin's name.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = DEFAULT_FOR, converter = DurationConverter.class,
            description = "How long it stays open: 30s, 15m, 2h, 1d or ISO-8601 (PT90M); at most 30 days"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    public OpenCircuitCommand(Provider<CircuitsUseCase> circuits) {
        this.circuits = circuits;
    }

    @Override
    protected ExitCode execute() {
        Circuit circuit = circuits.get().force(Operator.actor(), owner.owner(), PluginName.of(plugin), true, duration);
        out().println("Opened the circuit of " + circuit.plugin() + " for " + circuit.owner() + " until "
                + circuit.openUntil().map(until -> until.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-") + ": its runs fail at once with PLUGIN_CIRCUIT_OPEN.");
        return ExitCode.OK;
    }
}
