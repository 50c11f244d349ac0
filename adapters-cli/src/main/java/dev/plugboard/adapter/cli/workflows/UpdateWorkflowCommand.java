package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.Saved;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code plugboard workflows update SLUG -f FILE}: replaces a workflow's definition. */
@Prototype
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Replace a workflow's definition (and its status and switch, when the file names them) with"
                + " a YAML or JSON file; its version goes up. Runs under way keep the version they started with.",
                "With --if-version N the change is refused (exit 5) unless the stored version is still N."
                        + " Problems are printed one per line (exit 4) and nothing changes."},
        footer = {"%nExamples:", "  plugboard workflows update triage -f triage.yaml --user alice",
                "  plugboard workflows show triage --user alice -o yaml \\",
                "    | plugboard workflows update triage --user alice -f - --if-version 3"})
public class UpdateWorkflowCommand extends WorkflowCommand {

    private final Provider<ManageWorkflowsUseCase> workflows;

    @Parameters(paramLabel = "SLUG", description = "The workflow to change.")
    private String slug;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE|-", required = true,
            description = "The workflow file (YAML or JSON), or - for standard input.")
    private String file;

    @Mixin
    private VersionOption version;

    @Mixin
    private OutputOption output;

    public UpdateWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        this.workflows = workflows;
    }

    @Override
    protected ExitCode execute() {
        Map<String, Object> document = WorkflowFile.read(file);
        Saved saved = workflows.get().update(actor(), slug, document, version.expected());
        SavedOutput.print("Updated", saved, output.format(), ownerFlags(), out());
        return ExitCode.OK;
    }
}
