package dev.plugboard.domain.alert;

import dev.plugboard.domain.owner.Owner;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A condition an operator should know of: at most one active alert per kind and subject; a repeated
 * sighting bumps its count and last-seen time instead of opening another.
 *
 * @param subject what it is about: a plugin name, or {@code owner/plugin} for a circuit
 * @param owner   the owner whose circuit it is, for alerts that owner may see
 */
public record Alert(UUID id, AlertKind kind, String subject, Optional<Owner> owner, AlertStatus status,
                    String detail, Instant firstSeen, Instant lastSeen, long count, Optional<Instant> resolvedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        owner = owner == null ? Optional.empty() : owner;
        resolvedAt = resolvedAt == null ? Optional.empty() : resolvedAt;
        detail = detail == null ? "" : detail;
        if (count < 1) {
            throw new IllegalArgumentException("an alert is seen at least once");
        }
    }

    public static Alert open(UUID id, AlertKind kind, String subject, Optional<Owner> owner, String detail, Instant now) {
        return new Alert(id, kind, subject, owner, AlertStatus.OPEN, detail, now, now, 1, Optional.empty());
    }

    public AlertKind.Severity severity() {
        return kind.severity();
    }

    /** Seen again while active. */
    public Alert seenAgain(String newDetail, Instant now) {
        return new Alert(id, kind, subject, owner, status, newDetail, firstSeen, now, count + 1, resolvedAt);
    }

    public Alert acknowledge() {
        return status == AlertStatus.OPEN ? withStatus(AlertStatus.ACKNOWLEDGED, resolvedAt) : this;
    }

    public Alert resolve(Instant now) {
        return status == AlertStatus.RESOLVED ? this : withStatus(AlertStatus.RESOLVED, Optional.of(now));
    }

    private Alert withStatus(AlertStatus newStatus, Optional<Instant> resolved) {
        return new Alert(id, kind, subject, owner, newStatus, detail, firstSeen, lastSeen, count, resolved);
    }
}
