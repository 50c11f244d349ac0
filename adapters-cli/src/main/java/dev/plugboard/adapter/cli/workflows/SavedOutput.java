package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase.Saved;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowStatus;

import java.io.PrintWriter;
import java.util.Map;

/** What {@code create} and {@code update} print: the workflow, and a generated webhook secret this one time. */
final class SavedOutput {

    private SavedOutput() {
    }

    static void print(String verb, Saved saved, OutputOption.Format format, String ownerFlags, PrintWriter out) {
        Workflow workflow = saved.workflow();
        if (format == OutputOption.Format.JSON) {
            Map<String, Object> json = WorkflowOutput.json(workflow);
            json.put("webhookSecret", saved.webhookSecret().orElse(null));
            Json.print(out, json);
            return;
        }
        if (format == OutputOption.Format.YAML) {
            WorkflowOutput.printYaml(workflow, out);
            saved.webhookSecret().ifPresent(secret -> out.println("# webhook secret, shown only once: " + secret));
            return;
        }
        int steps = workflow.definition().steps().size();
        out.println(verb + " workflow " + workflow.slug() + " for " + workflow.owner() + ": " + workflow.status().wireName()
                + (workflow.enabled() ? "" : ", switched off") + ", " + steps + (steps == 1 ? " step" : " steps")
                + ", trigger " + workflow.definition().triggerType().wireName() + ", version " + workflow.version() + ".");
        saved.webhookSecret().ifPresent(secret -> {
            out.println("Webhook secret: " + secret);
            out.println("This secret is shown only once: store it now. Callers sign each delivery with it"
                    + " (HMAC-SHA256); Plugboard keeps it encrypted and never prints it again.");
        });
        if (workflow.status() == WorkflowStatus.DRAFT) {
            out.println("It is a draft: its trigger starts it once you run: plugboard workflows activate "
                    + workflow.slug() + " " + ownerFlags);
        }
    }
}
