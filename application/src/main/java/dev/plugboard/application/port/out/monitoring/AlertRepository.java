package dev.plugboard.application.port.out.monitoring;

import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.owner.Owner;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Alerts; at most one active (open or acknowledged) per kind and subject. */
public interface AlertRepository {

    Optional<Alert> find(UUID id);

    /** The active alert of this kind and subject, if any. */
    Optional<Alert> findActive(AlertKind kind, String subject);

    /** Every active alert of a kind. */
    List<Alert> findActive(AlertKind kind);

    /** Newest first, at most {@code limit}; an owner sees only the alerts about them. */
    List<Alert> list(Optional<AlertStatus> status, Optional<Owner> owner, int limit);

    void add(Alert alert);

    void update(Alert alert);
}
