package dev.plugboard.domain.health;

import dev.plugboard.domain.plugin.PluginName;

import java.time.Instant;
import java.util.Objects;

/**
 * A plugin's last health verdict: score, state and reason, when it was checked and when the state
 * last changed.
 */
public record PluginHealth(PluginName plugin, int score, HealthState state, String reason, Instant lastCheck,
                           Instant lastStateChange) {

    public PluginHealth {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastCheck, "lastCheck");
        Objects.requireNonNull(lastStateChange, "lastStateChange");
        reason = reason == null ? "" : reason;
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0 to 100, got " + score);
        }
    }

    /** Never checked yet. */
    public static PluginHealth unknown(PluginName plugin, Instant now) {
        return new PluginHealth(plugin, 100, HealthState.UNKNOWN, "not checked yet", now, now);
    }

    /** The next verdict: the state-change time moves only when the state does. */
    public PluginHealth next(HealthPolicy.Assessment assessment, Instant now) {
        Instant changed = assessment.state() == state ? lastStateChange : now;
        return new PluginHealth(plugin, assessment.score(), assessment.state(), assessment.reason(), now, changed);
    }
}
