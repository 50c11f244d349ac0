package dev.plugboard.application.port.in.monitoring;

import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.owner.Owner;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Operators list, acknowledge and resolve alerts; an owner lists those about their own circuits. */
public interface AlertsUseCase {

    int MAX_LIST = 500;

    /** Newest first. */
    List<Alert> list(Optional<AlertStatus> status, int limit);

    /** Alerts about the owner's own circuits, newest first. */
    List<Alert> listForOwner(Owner owner, Optional<AlertStatus> status, int limit);

    /** @throws dev.plugboard.domain.alert.AlertNotFoundException for an unknown id */
    Alert acknowledge(Actor actor, UUID id);

    /** @throws dev.plugboard.domain.alert.AlertNotFoundException for an unknown id */
    Alert resolve(Actor actor, UUID id);
}
