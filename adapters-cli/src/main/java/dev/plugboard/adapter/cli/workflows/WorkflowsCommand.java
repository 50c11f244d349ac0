package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard workflows} group: an owner's workflows, kept as YAML files, and their runs. */
@Prototype
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = {"Manage workflows, chains of installed plugins with a trigger, and their runs. A workflow is"
                + " written as a YAML or JSON file (the REST API's form), so it can live in git:"
                + " create -f, show -o yaml, update -f.",
                "Workflows belong to their owner, so every command takes --user or --org: another owner's workflow"
                        + " is not found (exit 3). This command reads and writes the database; runs are executed by"
                        + " a serving instance (plugboard serve)."},
        subcommands = {ListWorkflowsCommand.class, ShowWorkflowCommand.class, CreateWorkflowCommand.class,
                UpdateWorkflowCommand.class, DeleteWorkflowCommand.class, ActivateWorkflowCommand.class,
                PauseWorkflowCommand.class, ArchiveWorkflowCommand.class, RunWorkflowCommand.class,
                ListWorkflowRunsCommand.class, ShowWorkflowRunCommand.class, CancelWorkflowRunCommand.class,
                TestWorkflowCommand.class},
        footer = {"%nExamples:",
                "  plugboard workflows create -f examples/workflows/summarize-and-notify.yaml \\",
                "    --user alice",
                "  plugboard workflows activate summarize-and-notify --user alice",
                "  plugboard workflows run summarize-and-notify --user alice \\",
                "    --data '{\"text\": \"Hello\"}' --wait",
                "  plugboard workflows show summarize-and-notify --user alice -o yaml"})
public class WorkflowsCommand extends CommandGroup {
}
