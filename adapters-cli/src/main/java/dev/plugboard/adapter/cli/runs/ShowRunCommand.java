package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.QueryRunsUseCase.RunHistory;
import dev.plugboard.domain.run.RunId;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard runs show RUN_ID}: one run of an owner. */
@Prototype
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one run: status, times, input, output and error, then each attempt: number, outcome,"
                + " start and end, the instance or worker that ran it, CPU and peak memory (where measured) and error.",
        footer = {"%nExample:", "  plugboard runs show 3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23 --user alice --json"})
public class ShowRunCommand extends CliCommand {

    private final Provider<QueryRunsUseCase> runs;

    @Parameters(paramLabel = "RUN_ID", description = "The run's UUID.")
    private String runId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Mixin
    private JsonOption json;

    public ShowRunCommand(Provider<QueryRunsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() {
        RunHistory run = runs.get().history(owner.owner(), RunId.parse(runId));
        if (json.enabled()) {
            Json.print(out(), RunOutput.json(run));
        } else {
            RunOutput.describe(run, out());
        }
        return ExitCode.OK;
    }
}
