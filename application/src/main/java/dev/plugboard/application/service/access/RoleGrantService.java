package dev.plugboard.application.service.access;

import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;
import dev.plugboard.domain.access.RoleGrantNotFoundException;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Role grants kept in Plugboard: every change is one transaction with its audit entry. */
public final class RoleGrantService implements RoleGrantsUseCase {

    private final RoleGrantRepository grants;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final TimeSource clock;

    public RoleGrantService(RoleGrantRepository grants, AuditTrail audit, TransactionBoundary transactions,
                            TimeSource clock) {
        this.grants = grants;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public GrantResult grant(Actor admin, String subject, Role role) {
        String who = RoleGrant.subject(subject);
        String target = target(who);
        return audit.perform(admin, AuditAction.ROLE_GRANTED, target, () -> {
            RoleGrant grant = new RoleGrant(who, role, admin, clock.now());
            if (!grants.add(grant)) {
                RoleGrant held = grants.findBySubject(who).stream().filter(g -> g.role() == role).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the grant of " + role.wireName() + " to '"
                                + who + "' was refused as a duplicate but is not stored"));
                return new GrantResult(held, false);
            }
            audit.success(admin, AuditAction.ROLE_GRANTED, target, null, state(role), "granted " + role.wireName());
            return new GrantResult(grant, true);
        });
    }

    @Override
    public void revoke(Actor admin, String subject, Role role) {
        String who = RoleGrant.subject(subject);
        String target = target(who);
        audit.perform(admin, AuditAction.ROLE_REVOKED, target, () -> {
            if (!grants.remove(who, role)) {
                throw new RoleGrantNotFoundException(who, role);
            }
            audit.success(admin, AuditAction.ROLE_REVOKED, target, state(role), null, "revoked " + role.wireName());
            return null;
        });
    }

    @Override
    public List<RoleGrant> grants(Optional<String> subject) {
        Optional<String> who = subject.map(RoleGrant::subject);
        return transactions.inTransaction(() -> who.map(grants::findBySubject).orElseGet(grants::findAll));
    }

    @Override
    public Set<Role> rolesOf(String subject) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        grants.findBySubject(subject).forEach(grant -> roles.add(grant.role()));
        return roles;
    }

    private static String target(String subject) {
        return "subject:" + subject;
    }

    private static JsonDocument state(Role role) {
        return JsonDocument.of(Map.of("role", role.wireName()));
    }
}
