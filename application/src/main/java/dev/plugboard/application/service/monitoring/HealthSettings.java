package dev.plugboard.application.service.monitoring;

import dev.plugboard.domain.health.HealthPolicy;
import dev.plugboard.domain.owner.Owner;

import java.time.Duration;
import java.util.Objects;

/**
 * How health is judged and alerts are raised.
 *
 * @param window          how far back runs count
 * @param sampleRuns      at most this many of the latest finished runs count
 * @param workerWindow    an external plugin with pending runs and no worker activity within this is unhealthy
 * @param backlogThreshold pending runs of one plugin above this open a {@code runs.backlog} alert
 * @param checkTimeout    how long an in-process handler's own health check may take
 * @param alertsOwner     the owner whose subscribed installations receive plugin-wide alert events
 */
public record HealthSettings(HealthPolicy policy, Duration window, int sampleRuns, Duration workerWindow,
                             long backlogThreshold, Duration checkTimeout, Owner alertsOwner) {

    public HealthSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(workerWindow, "workerWindow");
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        Objects.requireNonNull(alertsOwner, "alertsOwner");
        if (sampleRuns < 1 || backlogThreshold < 1) {
            throw new IllegalArgumentException("sample runs and backlog threshold must be at least 1");
        }
    }

    public static HealthSettings defaults() {
        return new HealthSettings(HealthPolicy.DEFAULT, Duration.ofMinutes(15), 50, Duration.ofMinutes(5), 100,
                Duration.ofSeconds(2), Owner.user("ops"));
    }
}
