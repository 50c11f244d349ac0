package dev.plugboard.adapter.cli.circuits;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard circuits} group: one owner's circuit breakers. */
@Prototype
@Command(name = "circuits", mixinStandardHelpOptions = true,
        description = {"Read and override the circuit breakers of a user (--user) or an organization (--org):"
                + " one per plugin, shared by every server instance. An open circuit fails the owner's runs of"
                + " that plugin at once with PLUGIN_CIRCUIT_OPEN until its cooldown ends."},
        subcommands = {ListCircuitsCommand.class, OpenCircuitCommand.class, CloseCircuitCommand.class},
        footer = {"%nExamples:", "  plugboard circuits list --user alice",
                "  plugboard circuits open webhook --org acme --for 15m",
                "  plugboard circuits close webhook --org acme"})
public class CircuitsCommand extends CommandGroup {
}
