package dev.plugboard.bootstrap.monitoring;

import dev.plugboard.application.service.monitoring.HealthSettings;
import dev.plugboard.bootstrap.launch.DurationSetting;
import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.health.HealthPolicy;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.context.env.Environment;

import java.time.Duration;

/**
 * The operator's health and alert knobs, from {@code plugboard.health.*} and {@code plugboard.alerts.*}
 * (environment variables {@code PLUGBOARD_HEALTH_*}, {@code PLUGBOARD_ALERTS_*}): see the configuration
 * table in docs/configuration.md and docs/operations.md.
 *
 * @param enabled  whether this instance takes part in the health job (one instance at a time runs it)
 * @param interval how often the job runs
 */
public record HealthConfiguration(boolean enabled, Duration interval, HealthSettings settings) {

    static final String HEALTH = "plugboard.health.";
    static final String ALERTS = "plugboard.alerts.";

    public static HealthConfiguration from(Environment environment) {
        HealthSettings defaults = HealthSettings.defaults();
        HealthPolicy policy = HealthPolicy.DEFAULT;
        try {
            HealthPolicy configured = new HealthPolicy(
                    number(environment, HEALTH + "healthy-score", policy.healthyScore()),
                    number(environment, HEALTH + "unhealthy-score", policy.unhealthyScore()),
                    number(environment, HEALTH + "min-runs", policy.minRuns()),
                    number(environment, HEALTH + "latency-percent", (int) Math.round(policy.latencyRatio() * 100)) / 100.0);
            String owner = environment.getProperty(ALERTS + "owner", String.class).orElse(defaults.alertsOwner().toString());
            HealthSettings settings = new HealthSettings(configured,
                    DurationSetting.of(environment, HEALTH + "window", defaults.window()),
                    number(environment, HEALTH + "sample-runs", defaults.sampleRuns()),
                    DurationSetting.of(environment, HEALTH + "worker-window", defaults.workerWindow()),
                    number(environment, ALERTS + "backlog-threshold", (int) defaults.backlogThreshold()),
                    DurationSetting.of(environment, HEALTH + "check-timeout", defaults.checkTimeout()),
                    alertsOwner(owner));
            return new HealthConfiguration(environment.getProperty(HEALTH + "enabled", Boolean.class).orElse(true),
                    DurationSetting.of(environment, HEALTH + "interval", Duration.ofSeconds(30)), settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("plugboard.health.*: " + e.getMessage()
                    + " (healthy-score and unhealthy-score are 0 to 100, unhealthy-score at most healthy-score)");
        }
    }

    private static Owner alertsOwner(String text) {
        try {
            return Owner.parse(text);
        } catch (DomainException e) {
            throw new InvalidConfigurationException("plugboard.alerts.owner='" + text
                    + "' is not an owner: write user:<id> or org:<id>, e.g. user:ops");
        }
    }

    private static int number(Environment environment, String key, int fallback) {
        return environment.getProperty(key, Integer.class).orElse(fallback);
    }
}
