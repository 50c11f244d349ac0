package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.WorkflowDetails;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard workflows show SLUG}: one workflow, or its file with {@code -o yaml}. */
@Prototype
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one workflow: status, trigger (next fire times of a schedule, the URL of a webhook),"
                + " counters and steps.",
                "-o yaml prints the workflow file (the form create -f and update -f read), headed by a comment"
                        + " with its version; a webhook secret shows as (set), which update keeps."},
        footer = {"%nExamples:", "  plugboard workflows show triage --user alice",
                "  plugboard workflows show triage --user alice -o yaml > triage.yaml",
                "  plugboard workflows show triage --user alice -o yaml \\",
                "    | plugboard workflows update triage --user alice -f -"})
public class ShowWorkflowCommand extends WorkflowCommand {

    private final Provider<ManageWorkflowsUseCase> workflows;

    @Parameters(paramLabel = "SLUG", description = "The workflow's slug.")
    private String slug;

    @Mixin
    private OutputOption output;

    public ShowWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        this.workflows = workflows;
    }

    @Override
    protected ExitCode execute() {
        WorkflowDetails details = workflows.get().get(actor(), slug);
        switch (output.format()) {
            case JSON -> Json.print(out(), WorkflowOutput.json(details));
            case YAML -> WorkflowOutput.printYaml(details.workflow(), out());
            default -> WorkflowOutput.describe(details, out());
        }
        return ExitCode.OK;
    }
}
