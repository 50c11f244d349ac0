package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.service.workflow.WorkflowSettings;
import dev.plugboard.bootstrap.launch.DurationSetting;
import io.micronaut.context.env.Environment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's workflow knobs, from {@code plugboard.workflows.*} (environment variables
 * {@code PLUGBOARD_WORKFLOWS_*}): see the configuration table in docs/configuration.md.
 *
 * @param enabled      whether this instance runs the workflow engine and the scheduler
 * @param pollInterval how often the engine looks for due runs and the scheduler for due ticks
 */
public record WorkflowConfiguration(boolean enabled, Duration pollInterval, WorkflowSettings settings) {

    static final String PREFIX = "plugboard.workflows.";

    public static WorkflowConfiguration from(Environment environment) {
        WorkflowSettings defaults = WorkflowSettings.defaults();
        Duration poll = duration(environment, "poll-interval", Duration.ofMillis(250));
        WorkflowSettings settings = new WorkflowSettings(
                number(environment, "max-steps", defaults.maxSteps()),
                number(environment, "max-concurrent-runs", defaults.maxConcurrentRuns()),
                number(environment, "runs-per-minute", defaults.runsPerMinute()),
                number(environment, "max-trigger-data-bytes", defaults.maxTriggerDataBytes()),
                allowedEnvironment(environment), poll,
                duration(environment, "retry-backoff", defaults.retryBackoff()),
                duration(environment, "webhook.tolerance", defaults.webhookTolerance()),
                number(environment, "webhook.max-body-bytes", defaults.maxWebhookBodyBytes()));
        return new WorkflowConfiguration(environment.getProperty(PREFIX + "enabled", Boolean.class).orElse(true), poll,
                settings);
    }

    /** Only the variables named in {@code plugboard.workflows.env-allow}; a name that is not set reads as null. */
    private static Map<String, String> allowedEnvironment(Environment environment) {
        List<String> names = environment.getProperty(PREFIX + "env-allow", String.class)
                .map(text -> List.of(text.split(","))).orElse(List.of());
        Map<String, String> allowed = new LinkedHashMap<>();
        names.stream().map(String::strip).filter(name -> !name.isEmpty())
                .forEach(name -> allowed.put(name, System.getenv().getOrDefault(name, "")));
        return allowed;
    }

    private static int number(Environment environment, String key, int fallback) {
        return environment.getProperty(PREFIX + key, Integer.class).orElse(fallback);
    }

    private static Duration duration(Environment environment, String key, Duration fallback) {
        return DurationSetting.of(environment, PREFIX + key, fallback);
    }
}
