package dev.plugboard.bootstrap.operations;

import dev.plugboard.bootstrap.launch.DurationSetting;
import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import dev.plugboard.domain.retention.RetentionKind;
import dev.plugboard.domain.retention.RetentionPolicy;
import io.micronaut.context.env.Environment;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rollup and retention knobs, from {@code plugboard.rollups.*} and {@code plugboard.retention.*}
 * (environment variables {@code PLUGBOARD_ROLLUPS_*}, {@code PLUGBOARD_RETENTION_*}): see docs/configuration.md.
 *
 * @param rollupsEnabled    whether this instance runs the rollup job (any instance may; one rolls each hour)
 * @param rollupInterval    how often the rollup job looks for completed hours
 * @param retentionEnabled  whether this instance runs the retention job
 * @param retentionInterval how often the retention job prunes
 */
public record OperationsConfiguration(boolean rollupsEnabled, Duration rollupInterval, boolean retentionEnabled,
                                      Duration retentionInterval, RetentionPolicy retention) {

    public static final String ROLLUPS = "plugboard.rollups.";
    public static final String RETENTION = "plugboard.retention.";

    public static OperationsConfiguration from(Environment environment) {
        Map<RetentionKind, Duration> windows = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : RetentionKind.values()) {
            DurationSetting.of(environment, RETENTION + kind.wireName()).ifPresent(window -> {
                if (window.compareTo(RetentionPolicy.SHORTEST) < 0) {
                    // Named by its key: the operator's typo to fix, not a model error.
                    throw new InvalidConfigurationException("invalid value " + RETENTION + kind.wireName() + "=" + window
                            + ": a retention window must be at least 1 hour (PT1H); the default is " + kind.defaultWindow());
                }
                windows.put(kind, window);
            });
        }
        return new OperationsConfiguration(
                environment.getProperty(ROLLUPS + "enabled", Boolean.class).orElse(true),
                DurationSetting.of(environment, ROLLUPS + "interval", Duration.ofMinutes(5)),
                environment.getProperty(RETENTION + "enabled", Boolean.class).orElse(true),
                DurationSetting.of(environment, RETENTION + "interval", Duration.ofHours(1)),
                new RetentionPolicy(windows));
    }
}
