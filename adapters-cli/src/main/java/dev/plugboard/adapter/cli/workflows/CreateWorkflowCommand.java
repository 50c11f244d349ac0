package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.Saved;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code plugboard workflows create -f FILE}: saves a workflow written as YAML or JSON. */
@Prototype
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a workflow from a YAML or JSON file in the REST API's form (name, slug, description,"
                + " scope, triggerType, triggerConfig, status, isEnabled, steps), so workflows can live in git.",
                "Every problem (a plugin not installed, a bad cron, a template that does not compile) is printed on"
                        + " its own line (exit 4) and nothing is saved. A WEBHOOK workflow's secret is printed once."},
        footer = {"%nExamples:",
                "  plugboard workflows create -f examples/workflows/summarize-and-notify.yaml \\",
                "    --user alice",
                "  plugboard workflows create -f - --org acme < triage.json"})
public class CreateWorkflowCommand extends WorkflowCommand {

    private final Provider<ManageWorkflowsUseCase> workflows;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE|-", required = true,
            description = "The workflow file (YAML or JSON), or - for standard input.")
    private String file;

    @Mixin
    private OutputOption output;

    public CreateWorkflowCommand(Provider<ManageWorkflowsUseCase> workflows) {
        this.workflows = workflows;
    }

    @Override
    protected ExitCode execute() {
        Map<String, Object> document = WorkflowFile.read(file);
        Saved saved = workflows.get().create(actor(), document);
        SavedOutput.print("Created", saved, output.format(), ownerFlags(), out());
        return ExitCode.OK;
    }
}
