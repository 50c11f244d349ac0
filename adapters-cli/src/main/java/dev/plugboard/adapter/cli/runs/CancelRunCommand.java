package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.run.CancelRunUseCase;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code plugboard runs cancel RUN_ID}: gives up on a run that has not ended. */
@Prototype
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a pending or processing run. A run that has already ended cannot be cancelled (exit 5)."},
        footer = {"%nExample:", "  plugboard runs cancel 3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23 --user alice"})
public class CancelRunCommand extends CliCommand {

    private final Provider<CancelRunUseCase> cancelling;

    @Parameters(paramLabel = "RUN_ID", description = "The run's UUID.")
    private String runId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    public CancelRunCommand(Provider<CancelRunUseCase> cancelling) {
        this.cancelling = cancelling;
    }

    @Override
    protected ExitCode execute() {
        PluginRun run = cancelling.get().cancel(new CancelRunUseCase.CancelRunCommand(owner.caller(Optional.empty()), RunId.parse(runId)));
        out().println("Cancelled run " + run.id() + " of " + run.plugin() + " for " + run.owner() + ".");
        return ExitCode.OK;
    }
}
