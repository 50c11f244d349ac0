package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.monitoring.AlertRepository;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.owner.Owner;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Alerts in memory, for embedding. */
public final class InMemoryAlertRepository implements AlertRepository {

    private final Map<UUID, Alert> alerts = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Alert> find(UUID id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized Optional<Alert> findActive(AlertKind kind, String subject) {
        return alerts.values().stream()
                .filter(a -> a.kind() == kind && a.subject().equals(subject) && a.status().isActive()).findFirst();
    }

    @Override
    public synchronized List<Alert> findActive(AlertKind kind) {
        return alerts.values().stream().filter(a -> a.kind() == kind && a.status().isActive()).toList();
    }

    @Override
    public synchronized List<Alert> list(Optional<AlertStatus> status, Optional<Owner> owner, int limit) {
        return alerts.values().stream()
                .filter(a -> status.map(s -> a.status() == s).orElse(true))
                .filter(a -> owner.map(o -> a.owner().filter(o::equals).isPresent()).orElse(true))
                .sorted(Comparator.comparing(Alert::lastSeen).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized void add(Alert alert) {
        alerts.put(alert.id(), alert);
    }

    @Override
    public synchronized void update(Alert alert) {
        alerts.put(alert.id(), alert);
    }
}
