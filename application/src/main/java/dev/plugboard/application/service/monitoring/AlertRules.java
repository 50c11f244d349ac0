package dev.plugboard.application.service.monitoring;

import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.health.PluginHealth;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which conditions call for an alert: a plugin unhealthy or degraded, a circuit open, a backlog of
 * pending runs. One pass of the health job collects its sightings; whatever was not sighted again resolves.
 */
final class AlertRules {

    private final AlertService alerts;
    private final HealthSettings settings;

    AlertRules(AlertService alerts, HealthSettings settings) {
        this.alerts = alerts;
        this.settings = settings;
    }

    Sightings newSightings() {
        return new Sightings();
    }

    /** The conditions seen in one pass. */
    final class Sightings {
        private final Map<AlertKind, Set<String>> seen = new EnumMap<>(AlertKind.class);

        private Sightings() {
            for (AlertKind kind : AlertKind.values()) {
                seen.put(kind, new HashSet<>());
            }
        }

        void plugin(PluginHealth health, long pendingRuns) {
            String plugin = health.plugin().value();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("plugin", plugin);
            data.put("score", health.score());
            data.put("state", health.state().wireName());
            if (health.state() == HealthState.UNKNOWN) {
                // Too little to judge is not a recovery: an active alert stays as it is until runs say otherwise.
                seen.get(AlertKind.PLUGIN_UNHEALTHY).add(plugin);
                seen.get(AlertKind.PLUGIN_DEGRADED).add(plugin);
            } else if (health.state() == HealthState.UNHEALTHY) {
                raise(AlertKind.PLUGIN_UNHEALTHY, plugin, Optional.empty(),
                        "score " + health.score() + ": " + health.reason(), data);
            } else if (health.state() == HealthState.DEGRADED) {
                raise(AlertKind.PLUGIN_DEGRADED, plugin, Optional.empty(),
                        "score " + health.score() + ": " + health.reason(), data);
            }
            if (pendingRuns > settings.backlogThreshold()) {
                raise(AlertKind.RUNS_BACKLOG, plugin, Optional.empty(), pendingRuns + " runs pending (threshold "
                        + settings.backlogThreshold() + ")", Map.of("plugin", plugin, "pending", pendingRuns));
            }
        }

        void circuit(Circuit circuit) {
            String subject = circuit.owner() + "/" + circuit.plugin().value();
            String until = circuit.openUntil().map(Object::toString).orElse("further notice");
            raise(AlertKind.CIRCUIT_OPENED, subject, Optional.of(circuit.owner()),
                    "circuit of " + circuit.plugin().value() + " open until " + until + " after "
                            + circuit.consecutiveFailures() + " consecutive failure(s)",
                    Map.of("plugin", circuit.plugin().value(), "owner", circuit.owner().toString(),
                            "openUntil", until));
        }

        private void raise(AlertKind kind, String subject, Optional<dev.plugboard.domain.owner.Owner> owner,
                           String detail, Map<String, Object> data) {
            seen.get(kind).add(subject);
            alerts.raise(kind, subject, owner, detail, data);
        }

        /** Resolves the active alerts whose condition was not seen in this pass. */
        int resolveTheRest() {
            int resolved = 0;
            for (Map.Entry<AlertKind, Set<String>> kind : seen.entrySet()) {
                resolved += alerts.resolveCleared(kind.getKey(), kind.getValue());
            }
            return resolved;
        }
    }
}
