package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard runs} group: the run ledger of one owner. */
@Prototype
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Start, read and cancel plugin runs. Runs belong to their owner, so every runs command takes"
                + " --user or --org: a run of another owner is not found (exit 3)."},
        subcommands = {StartRunCommand.class, ListRunsCommand.class, ShowRunCommand.class, CancelRunCommand.class},
        footer = {"%nExamples:", "  plugboard runs start analytics --input @event.json --user alice --wait",
                "  plugboard runs list --user alice --status failed",
                "  plugboard runs cancel 3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23 --user alice"})
public class RunsCommand extends CommandGroup {
}
