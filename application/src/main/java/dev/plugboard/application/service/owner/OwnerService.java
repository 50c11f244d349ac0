package dev.plugboard.application.service.owner;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.owner.ProvisionOwnerUseCase;
import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.owner.Owner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Provisions callers on first sight. Remembers the owners it provisioned (a bounded set), so a
 * busy caller costs one insert per instance, not one per request.
 */
public final class OwnerService implements ProvisionOwnerUseCase {

    private static final int REMEMBERED = 10_000;

    private final OwnerDirectory owners;
    private final TransactionBoundary transactions;
    private final TimeSource clock;
    private final Set<Owner> provisioned = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Owner, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public OwnerService(OwnerDirectory owners, TransactionBoundary transactions, TimeSource clock) {
        this.owners = owners;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void provision(Caller caller) {
        if (caller.actor().type() == Actor.Type.USER) {
            seen(Owner.user(caller.actor().id()));
        }
        seen(caller.owner());
    }

    private void seen(Owner owner) {
        if (!provisioned.contains(owner)) {
            transactions.inTransaction(() -> owners.ensureExists(owner, clock.now()));
            provisioned.add(owner);
        }
    }
}
