package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.LimitOption;
import dev.plugboard.adapter.cli.support.Listing;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.workflow.Workflow;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code plugboard workflows list}: an owner's workflows. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the workflows of a user or an organization: status, trigger, steps and runs.",
        footer = {"%nExamples:", "  plugboard workflows list --user alice",
                "  plugboard workflows list --org acme -o json"})
public class ListWorkflowsCommand extends WorkflowCommand {

    private final Provider<ManageWorkflowsUseCase> workflows;

    @Mixin
    private LimitOption limit;

    @Mixin
    private OutputOption output;

    public ListWorkflowsCommand(Provider<ManageWorkflowsUseCase> workflows) {
        this.workflows = workflows;
    }

    @Override
    protected ExitCode execute() {
        ManageWorkflowsUseCase manage = workflows.get();
        WorkflowActor actor = actor();
        List<Workflow> found = Listing.fetch(page -> manage.list(actor, page), limit.value());
        switch (output.format()) {
            case JSON -> Json.print(out(), found.stream().map(WorkflowOutput::json).toList());
            case YAML -> out().print(WorkflowOutput.yaml(found.stream().map(WorkflowOutput::document).toList()));
            default -> {
                if (found.isEmpty()) {
                    out().println("No workflows for " + owner() + ". Create one with: plugboard workflows create -f"
                            + " workflow.yaml " + ownerFlags());
                } else {
                    WorkflowOutput.table(found, out());
                }
            }
        }
        return ExitCode.OK;
    }
}
