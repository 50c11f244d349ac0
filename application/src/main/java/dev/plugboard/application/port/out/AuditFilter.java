package dev.plugboard.application.port.out;

import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.Optional;

/** Narrows an audit listing: entries at or after {@code since}, by actor, action or target. */
public record AuditFilter(Optional<Instant> since, Optional<String> actor, Optional<AuditAction> action,
                          Optional<String> target) {

    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public AuditFilter {
        since = since == null ? Optional.empty() : since;
        actor = actor == null ? Optional.empty() : actor.filter(a -> !a.isBlank());
        action = action == null ? Optional.empty() : action;
        target = target == null ? Optional.empty() : target.filter(t -> !t.isBlank());
    }

    public boolean matches(AuditEntry entry) {
        return since.map(s -> !entry.at().isBefore(s)).orElse(true)
                && actor.map(a -> a.equals(entry.actor().toString())).orElse(true)
                && action.map(a -> a == entry.action()).orElse(true)
                && target.map(t -> t.equals(entry.target())).orElse(true);
    }
}
