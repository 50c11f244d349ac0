package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Role grants in memory, for embedding and as the reference the PostgreSQL adapter is tested against. */
public final class InMemoryRoleGrantRepository implements RoleGrantRepository, Snapshotting {

    private static final Comparator<RoleGrant> ORDER = Comparator.comparing((RoleGrant grant) -> grant.subject())
            .thenComparing(grant -> grant.role().wireName());

    private Map<String, RoleGrant> grants = new TreeMap<>();

    @Override
    public synchronized boolean add(RoleGrant grant) {
        return grants.putIfAbsent(key(grant.subject(), grant.role()), grant) == null;
    }

    @Override
    public synchronized boolean remove(String subject, Role role) {
        return grants.remove(key(subject, role)) != null;
    }

    @Override
    public synchronized List<RoleGrant> findBySubject(String subject) {
        return grants.values().stream().filter(grant -> grant.subject().equals(subject)).sorted(ORDER).toList();
    }

    @Override
    public synchronized List<RoleGrant> findAll() {
        return grants.values().stream().sorted(ORDER).toList();
    }

    private static String key(String subject, Role role) {
        return subject + "\n" + role.wireName();
    }

    @Override
    public synchronized Object snapshot() {
        return new TreeMap<>(grants);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        grants = new TreeMap<>((Map<String, RoleGrant>) snapshot);
    }
}
