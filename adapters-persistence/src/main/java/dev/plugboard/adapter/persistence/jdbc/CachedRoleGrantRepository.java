package dev.plugboard.adapter.persistence.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * Each caller's role grants kept in memory in front of {@link JdbcRoleGrantRepository}, so that a known
 * caller's request costs no {@code SELECT … FROM role_grants}. Kept true as the catalog is
 * ({@link CacheInvalidation}): every grant and revoke notifies {@link GrantNotifications#CHANNEL} in its
 * transaction; the instance that made it drops its copies when the transaction ends, every other one when
 * the notification arrives. While the notification connection is down, a copy older than {@code ttl} is
 * read again. At most {@value #SUBJECTS} subjects are kept (least recently used out first); a {@code ttl}
 * of zero turns the cache off (every read is a query, as without it).
 */
@Singleton
public final class CachedRoleGrantRepository implements RoleGrantRepository {

    /** {@code plugboard.auth.grants-cache-ttl}: how old a copy may get while grant notifications are down. */
    public static final String TTL = "plugboard.auth.grants-cache-ttl";

    static final int SUBJECTS = 10_000;
    /**
     * The oldest a copy may get even while notifications are on: a listening connection that died without a
     * word (a NAT or balancer idle timeout, a failover) still looks alive until TCP gives up, hours later.
     */
    static final long MAX_AGE_WHILE_LISTENING_NANOS = Duration.ofSeconds(60).toNanos();

    private record Held(List<RoleGrant> grants, long generation, long loadedAt) {
    }

    private final JdbcRoleGrantRepository database;
    private final GrantNotifications notifications;
    private final CacheInvalidation changes;
    private final Cache<String, Held> bySubject = Caffeine.newBuilder().maximumSize(SUBJECTS).build();
    private final long ttlNanos;
    private final boolean listen;

    public CachedRoleGrantRepository(JdbcRoleGrantRepository database, Sql sql, TransactionOperations<Connection> transactions,
                                     GrantNotifications notifications,
                                     @Value("${" + TTL + ":0s}") Duration ttl,
                                     @Value("${plugboard.launch.sync-catalog:false}") boolean listen) {
        this.database = database;
        this.notifications = notifications;
        this.changes = new CacheInvalidation(sql, transactions, GrantNotifications.CHANNEL, bySubject::invalidateAll);
        this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
        // Only a server listens (as for the catalog): a command reads once and exits, but still notifies.
        this.listen = listen;
    }

    @Override
    public boolean add(RoleGrant grant) {
        changes.changing();
        boolean added = database.add(grant);
        changes.changed();
        return added;
    }

    @Override
    public boolean remove(String subject, Role role) {
        changes.changing();
        boolean removed = database.remove(subject, role);
        changes.changed();
        return removed;
    }

    @Override
    public List<RoleGrant> findBySubject(String subject) {
        if (ttlNanos == 0 || !changes.copiesAllowed()) {
            return database.findBySubject(subject);
        }
        if (listen) {
            notifications.start(changes::invalidate);
        }
        long now = System.nanoTime();
        Held held = bySubject.getIfPresent(subject);
        if (held != null && held.generation() == changes.generation()
                && now - held.loadedAt() < (notifications.listening() ? Math.max(ttlNanos, MAX_AGE_WHILE_LISTENING_NANOS) : ttlNanos)) {
            return held.grants();
        }
        long loading = changes.generation();
        List<RoleGrant> grants = List.copyOf(database.findBySubject(subject));
        // A change noticed while loading may not be in what was read: serve it this once, keep nothing.
        if (changes.generation() == loading && changes.copiesAllowed()) {
            bySubject.put(subject, new Held(grants, loading, now));
        }
        return grants;
    }

    @Override
    public List<RoleGrant> findAll() {
        return database.findAll();
    }

    /** Drops every copy; the next read of each subject loads again. */
    public void invalidate() {
        changes.invalidate();
    }
}
