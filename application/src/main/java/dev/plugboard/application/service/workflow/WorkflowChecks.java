package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.workflow.CronSchedules;
import dev.plugboard.application.port.out.workflow.TemplateEngine;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.Violation;
import dev.plugboard.domain.workflow.ExpressionException;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.InvalidWorkflowException.Problem;
import dev.plugboard.domain.workflow.WorkflowDefinition;
import dev.plugboard.domain.workflow.WorkflowStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything checked when a workflow is saved, all problems at once: the limits, the trigger, each
 * step's plugin (installed and switched on for the owner), its static config (no secrets, and valid
 * merged over the installation's settings), its templates and condition (they compile), and, where
 * the trigger and the plugins declare schemas, whether each mapping can produce a valid input.
 */
final class WorkflowChecks {

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final SettingsPolicy policy;
    private final TemplateEngine templates;
    private final TriggerChecks triggers;
    private final WorkflowSettings settings;

    WorkflowChecks(PluginRepository plugins, InstallationRepository installations, SettingsPolicy policy,
                   TemplateEngine templates, CronSchedules crons, WorkflowSettings settings) {
        this.plugins = plugins;
        this.installations = installations;
        this.policy = policy;
        this.templates = templates;
        this.triggers = new TriggerChecks(crons, policy);
        this.settings = settings;
    }

    void require(Owner owner, WorkflowDefinition definition) {
        List<Problem> problems = new ArrayList<>();
        if (definition.steps().size() > settings.maxSteps()) {
            problems.add(new Problem(null, "/steps", "has " + definition.steps().size() + " steps; at most "
                    + settings.maxSteps() + " are allowed (plugboard.workflows.max-steps)"));
        }
        triggers.check(definition, problems);
        Map<Integer, Plugin> resolved = new LinkedHashMap<>();
        List<WorkflowStep> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            WorkflowStep step = steps.get(i);
            step(owner, step, "/steps/" + i + "/", problems).ifPresent(p -> resolved.put(step.order(), p));
        }
        definition.output().ifPresent(output -> compiles(null, "/output", output.asMap(), false, problems));
        // Steps with a problem already (plugin missing, template not compiling) are left out of the mapping check.
        problems.stream().map(Problem::stepOrder).filter(java.util.Objects::nonNull).forEach(resolved::remove);
        new MappingChecks(templates, policy, settings).check(definition, resolved, problems);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
    }

    private Optional<Plugin> step(Owner owner, WorkflowStep step, String at, List<Problem> problems) {
        compiles(step.order(), at + "inputMapping", step.inputMapping().asMap(), false, problems);
        step.condition().ifPresent(c -> compiles(step.order(), at + "condition/if", c, true, problems));
        Optional<Plugin> plugin = plugins.find(step.plugin());
        Optional<Installation> installation = installations.find(owner, step.plugin());
        String problem = plugin.isEmpty() ? "no plugin '" + step.plugin() + "' in the catalog"
                : !plugin.get().isEnabled() ? "plugin '" + step.plugin() + "' is switched off in the catalog"
                : installation.isEmpty() ? "plugin '" + step.plugin() + "' is not installed for " + owner
                        + "; install it first (POST /api/user/plugins/" + step.plugin() + "/install)"
                : !installation.get().isEnabled() ? "plugin '" + step.plugin() + "' is installed but switched off; enable it"
                : null;
        if (problem != null) {
            problems.add(new Problem(step.order(), at + "plugin", problem));
            return Optional.empty();
        }
        config(step, plugin.get(), installation.get(), at, problems);
        return plugin;
    }

    private void config(WorkflowStep step, Plugin plugin, Installation installation, String at, List<Problem> problems) {
        if (step.config().isEmpty()) {
            return;
        }
        SettingsSpec spec = plugin.manifest().settingsSpec();
        policy.secretPointers(spec, step.config()).forEach(pointer -> problems.add(new Problem(step.order(),
                at + "config" + pointer, "is a secret setting; set secrets in the installation, never in a workflow")));
        JsonDocument merged = installation.settings().mergedWith(step.config());
        List<Violation> violations = policy.validate(spec, merged, installation.secrets().pointers()).violations();
        violations.stream().filter(v -> installation.secrets().pointers().stream().noneMatch(v.pointer()::startsWith))
                .forEach(v -> problems.add(new Problem(step.order(), at + "config" + v.pointer(),
                        "merged over the installation's settings: " + v.message())));
    }

    private void compiles(Integer order, String field, Object template, boolean condition, List<Problem> problems) {
        try {
            templates.check(template, condition);
        } catch (ExpressionException e) {
            problems.add(new Problem(order, field, e.getMessage()));
        }
    }
}
