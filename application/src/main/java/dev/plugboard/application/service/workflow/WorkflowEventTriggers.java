package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.PublishEventUseCase.EventFollowers;
import dev.plugboard.application.port.out.workflow.WorkflowRepository;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Starts the owner's live EVENT workflows that an event matches: its type is the trigger's
 * {@code eventType}, and the seeds' message filters hold: {@code filterType} (the event data's
 * {@code type}; {@code all} matches any), {@code commandPrefix} (the data's {@code text} starts with it)
 * and {@code textPattern} (a regular expression found in the text; pattern and text are bounded in
 * length, so a match can't run away).
 */
final class WorkflowEventTriggers implements EventFollowers {

    static final int MAX_TEXT = 10_000;

    private final WorkflowRepository workflows;
    private final WorkflowLauncher launcher;

    WorkflowEventTriggers(WorkflowRepository workflows, WorkflowLauncher launcher) {
        this.workflows = workflows;
        this.launcher = launcher;
    }

    @Override
    public List<String> follow(Caller caller, String type, JsonDocument data, List<String> skipped) {
        List<String> started = new ArrayList<>();
        for (Workflow workflow : workflows.live(caller.owner(), TriggerType.EVENT)) {
            if (!matches(workflow.definition().triggerConfig(), type, data)) {
                continue;
            }
            try {
                started.add(launcher.launch(caller.actor(), workflow, "event:" + type, TriggerType.EVENT, data.asMap(),
                        false).id());
            } catch (DomainException refused) {
                skipped.add("workflow " + workflow.slug() + ": " + refused.getMessage());
            }
        }
        return started;
    }

    static boolean matches(JsonDocument config, String type, JsonDocument data) {
        if (!type.equals(config.get("eventType").orElse(null))) {
            return false;
        }
        Object filterType = config.get("filterType").orElse("all");
        if (!"all".equals(filterType) && !filterType.equals(data.get("type").orElse(null))) {
            return false;
        }
        String text = data.get("text").filter(String.class::isInstance).map(String.class::cast).orElse(null);
        if (config.get("commandPrefix").isPresent()
                && (text == null || !text.startsWith(String.valueOf(config.get("commandPrefix").get())))) {
            return false;
        }
        if (config.get("textPattern").isPresent()) {
            return text != null && text.length() <= MAX_TEXT
                    && Pattern.compile(String.valueOf(config.get("textPattern").get())).matcher(text).find();
        }
        return true;
    }
}
