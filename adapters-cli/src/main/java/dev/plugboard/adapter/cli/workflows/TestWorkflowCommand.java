package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.StepPreview;
import dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.TestReport;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code plugboard workflows test SLUG}: shows what each step would get, without running a plugin. */
@Prototype
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Try a workflow out with sample trigger data: each step's condition value and the input its"
                + " template resolves to, or the template's error, without running any plugin. Exit 1 when a step's"
                + " template or condition gives an error.",
                "With --execute it also queues a real run, marked as a test run, for a serving instance."},
        footer = {"%nExamples:", "  plugboard workflows test triage --user alice --data @sample.json",
                "  plugboard workflows test triage --user alice --data '{\"text\": \"Hi\"}' --execute"})
public class TestWorkflowCommand extends WorkflowCommand {

    private final Provider<RunWorkflowsUseCase> runs;

    @Parameters(paramLabel = "SLUG", description = "The workflow to try.")
    private String slug;

    @Mixin
    private DataOption data;

    @Option(names = "--execute", description = "Also queue a real run, marked as a test run.")
    private boolean execute;

    @Mixin
    private OutputOption output;

    public TestWorkflowCommand(Provider<RunWorkflowsUseCase> runs) {
        this.runs = runs;
    }

    @Override
    protected ExitCode execute() {
        TestReport report = runs.get().test(actor(), slug, data.triggerData(), execute);
        switch (output.format()) {
            case JSON -> Json.print(out(), json(report));
            case YAML -> out().print(WorkflowOutput.yaml(json(report)));
            default -> {
                Table table = new Table("ORDER", "NAME", "PLUGIN", "IF", "RUNS", "INPUT / ERROR");
                report.steps().forEach(step -> table.row(step.order(), step.name(), step.plugin(),
                        step.conditionValue(), step.wouldRun() ? "yes" : "no",
                        step.error().orElseGet(() -> step.input().map(Json::compact).orElse(null))));
                table.print(out());
                report.run().ifPresent(run -> out().println("Queued test run " + run.id() + "; a serving instance"
                        + " (plugboard serve) runs it. Follow it with: plugboard workflows run-show " + run.id()
                        + " " + ownerFlags()));
            }
        }
        return report.steps().stream().anyMatch(step -> step.error().isPresent()) ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static Map<String, Object> json(TestReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("steps", report.steps().stream().map(TestWorkflowCommand::json).toList());
        json.put("run", report.run().map(WorkflowRunOutput::json).orElse(null));
        return json;
    }

    private static Map<String, Object> json(StepPreview step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("order", step.order());
        json.put("name", step.name().orElse(null));
        json.put("plugin", step.plugin());
        json.put("conditionValue", step.conditionValue().orElse(null));
        json.put("wouldRun", step.wouldRun());
        json.put("input", step.input().orElse(null));
        json.put("error", step.error().orElse(null));
        return json;
    }
}
