package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.LimitOption;
import dev.plugboard.adapter.cli.support.Listing;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code plugboard runs list}: an owner's runs, newest first. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the runs of a user or an organization, newest first.",
        footer = {"%nExamples:", "  plugboard runs list --user alice", "  plugboard runs list --org acme --plugin webhook --status failed --json"})
public class ListRunsCommand extends CliCommand {

    private final Provider<QueryRunsUseCase> runs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only runs in this status: pending, processing, completed, failed or cancelled.")
    private RunStatus status;

    @Option(names = "--plugin", paramLabel = "PLUGIN", description = "Only runs of this plugin.")
    private String plugin;

    @Mixin
    private LimitOption limit;

    @Mixin
    private JsonOption json;

    public ListRunsCommand(Provider<QueryRunsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() {
        RunFilter filter = new RunFilter(Optional.ofNullable(status), Optional.ofNullable(plugin).map(PluginName::of));
        Owner whose = owner.owner();
        QueryRunsUseCase query = runs.get();
        List<PluginRun> found = Listing.fetch(page -> query.list(whose, filter, page), limit.value());
        if (json.enabled()) {
            Json.print(out(), found.stream().map(RunOutput::json).toList());
        } else if (found.isEmpty()) {
            out().println("No runs match.");
        } else {
            RunOutput.table(found, out());
        }
        return ExitCode.OK;
    }
}
