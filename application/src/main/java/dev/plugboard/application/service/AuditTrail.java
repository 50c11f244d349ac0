package dev.plugboard.application.service;

import dev.plugboard.application.port.out.AuditLog;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a state-changing use case in one transaction and keeps the audit trail: the use case
 * records its success inside its own transaction, and a refusal is recorded afterwards in a
 * transaction of its own (the failed one left nothing behind). Callers pass only redacted state.
 */
public final class AuditTrail {

    private final AuditLog log;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final IdSource ids;
    private final String environment;

    public AuditTrail(AuditLog log, TransactionBoundary transactions, TimeSource clock, IdSource ids) {
        this(log, transactions, clock, ids, "default");
    }

    /** A trail whose entries name {@code environment}, the one this process runs in. */
    public AuditTrail(AuditLog log, TransactionBoundary transactions, TimeSource clock, IdSource ids, String environment) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.environment = environment;
    }

    /** Runs {@code work} as one transaction; a domain refusal is audited as a failure and rethrown. */
    public <T> T perform(Actor actor, AuditAction action, String target, Supplier<T> work) {
        try {
            return transactions.inTransaction(work);
        } catch (DomainException refused) {
            transactions.inTransaction(() -> log.append(entry(actor, action, target, AuditEntry.Outcome.FAILURE,
                    null, null, refused.code() + ": " + refused.getMessage())));
            throw refused;
        }
    }

    /** Records a success; call it inside {@link #perform}'s work so it commits with the change. */
    public void success(Actor actor, AuditAction action, String target, JsonDocument before, JsonDocument after,
                        String detail) {
        log.append(entry(actor, action, target, AuditEntry.Outcome.SUCCESS, before, after, detail));
    }

    /**
     * {@link #success} of the change {@code change} makes, written with it (where the audit log can,
     * in the same round trip as the change's first statement); call it inside {@link #perform}'s work.
     */
    public <T> T successWith(Actor actor, AuditAction action, String target, JsonDocument before, JsonDocument after,
                             String detail, Supplier<T> change) {
        return log.appendWith(entry(actor, action, target, AuditEntry.Outcome.SUCCESS, before, after, detail), change);
    }

    private AuditEntry entry(Actor actor, AuditAction action, String target, AuditEntry.Outcome outcome,
                             JsonDocument before, JsonDocument after, String detail) {
        return new AuditEntry(ids.newId(), clock.now(), actor, action, target, outcome,
                Optional.ofNullable(before), Optional.ofNullable(after), detail, environment);
    }
}
