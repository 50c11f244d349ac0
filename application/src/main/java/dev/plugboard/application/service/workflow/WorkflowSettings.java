package dev.plugboard.application.service.workflow;

import dev.plugboard.domain.error.InvalidValueException;

import java.time.Duration;
import java.util.Map;

/**
 * The limits and timings of workflows, each with a documented default.
 *
 * @param maxSteps             steps per workflow
 * @param maxConcurrentRuns    runs of one workflow running at once; more wait as {@code queued}
 * @param runsPerMinute        workflow runs an owner may start per minute, all workflows together
 * @param maxTriggerDataBytes  the size of trigger data, as JSON text
 * @param env                  the environment variables templates may read as {@code env.NAME}: only those an
 *                             administrator allow-listed ({@code plugboard.workflows.env-allow})
 * @param checkInterval        how often the engine looks at a run waiting for its step's plugin run
 * @param retryBackoff         the first wait before a step with {@code onError: retry} runs again; doubles each time
 * @param webhookTolerance     how far a webhook's signed timestamp may be from now
 * @param maxWebhookBodyBytes  the size of a webhook body
 */
public record WorkflowSettings(int maxSteps, int maxConcurrentRuns, int runsPerMinute, int maxTriggerDataBytes,
                               Map<String, String> env, Duration checkInterval, Duration retryBackoff,
                               Duration webhookTolerance, int maxWebhookBodyBytes) {

    public WorkflowSettings {
        positive("plugboard.workflows.max-steps", maxSteps);
        positive("plugboard.workflows.max-concurrent-runs", maxConcurrentRuns);
        positive("plugboard.workflows.runs-per-minute", runsPerMinute);
        positive("plugboard.workflows.max-trigger-data-bytes", maxTriggerDataBytes);
        positive("plugboard.workflows.webhook.max-body-bytes", maxWebhookBodyBytes);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static WorkflowSettings defaults() {
        return new WorkflowSettings(50, 10, 600, 256 * 1024, Map.of(), Duration.ofMillis(250), Duration.ofSeconds(1),
                Duration.ofMinutes(5), 64 * 1024);
    }

    public WorkflowSettings withEnv(Map<String, String> allowed) {
        return new WorkflowSettings(maxSteps, maxConcurrentRuns, runsPerMinute, maxTriggerDataBytes, allowed,
                checkInterval, retryBackoff, webhookTolerance, maxWebhookBodyBytes);
    }

    public WorkflowSettings withCheckInterval(Duration interval, Duration backoff) {
        return new WorkflowSettings(maxSteps, maxConcurrentRuns, runsPerMinute, maxTriggerDataBytes, env, interval,
                backoff, webhookTolerance, maxWebhookBodyBytes);
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new InvalidValueException(key, value, "must be at least 1");
        }
    }
}
