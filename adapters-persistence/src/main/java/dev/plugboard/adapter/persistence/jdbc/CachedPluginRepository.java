package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog kept in memory in front of {@link JdbcPluginRepository}: it is small and read-mostly, so
 * reads cost no query. Every write notifies {@link CatalogNotifications#CHANNEL} in its own transaction,
 * and each instance drops its copy when the notification arrives (and, for its own writes, when the
 * transaction ends). While the notification connection is down, a copy older than {@code ttl} is read
 * again. A transaction that changed the catalog reads it from the database until it ends, and no copy
 * is kept while any such transaction is open, so that nothing uncommitted or superseded is cached.
 * A {@code ttl} of zero turns the cache off (every read is a query, as without it).
 */
@Singleton
public final class CachedPluginRepository implements PluginRepository {

    private record Snapshot(List<Plugin> plugins, Map<PluginName, Plugin> byName, long generation, long loadedAt) {
    }

    private static final ThreadLocal<Boolean> WROTE = ThreadLocal.withInitial(() -> false);

    private final JdbcPluginRepository database;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final CatalogNotifications notifications;
    private final long ttlNanos;
    private final boolean listen;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writing = new AtomicInteger();
    private volatile Snapshot snapshot;

    public CachedPluginRepository(JdbcPluginRepository database, Sql sql, TransactionOperations<Connection> transactions,
                                  CatalogNotifications notifications,
                                  @Value("${plugboard.catalog.cache-ttl:0s}") Duration ttl,
                                  @Value("${plugboard.launch.sync-catalog:false}") boolean listen) {
        this.database = database;
        this.sql = sql;
        this.transactions = transactions;
        this.notifications = notifications;
        this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
        this.listen = listen;
    }

    @Override
    public Optional<Plugin> find(PluginName name) {
        return cached().map(current -> Optional.ofNullable(current.byName().get(name))).orElseGet(() -> database.find(name));
    }

    @Override
    public List<Plugin> findAll() {
        return cached().map(Snapshot::plugins).orElseGet(database::findAll);
    }

    @Override
    public Page<Plugin> search(CatalogFilter filter, PageRequest page) {
        Optional<Snapshot> current = cached();
        if (current.isEmpty()) {
            return database.search(filter, page);
        }
        // Names are slugs of [a-z0-9-], so Java's order is PostgreSQL's "C" order that the query would use.
        return filter.page(current.get().plugins(), page);
    }

    @Override
    public void save(Plugin plugin) {
        changing();
        database.save(plugin);
        notifyChange();
    }

    @Override
    public boolean delete(PluginName name) {
        changing();
        boolean deleted = database.delete(name);
        notifyChange();
        return deleted;
    }

    /** Drops this instance's copy; the next read loads the catalog again. */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Optional<Snapshot> cached() {
        if (ttlNanos == 0 || WROTE.get() || writing.get() > 0) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && (notifications.listening() || now - current.loadedAt() < ttlNanos)) {
            return Optional.of(current);
        }
        if (listen) {
            notifications.start(this::invalidate);
        }
        long loading = generation.get();
        List<Plugin> plugins = database.findAll();
        Snapshot loaded = new Snapshot(plugins, plugins.stream().collect(Collectors.toUnmodifiableMap(Plugin::name,
                Function.identity())), loading, now);
        // A change noticed while loading may not be in what was read: serve it this once, keep nothing.
        if (generation.get() == loading && writing.get() == 0) {
            snapshot = loaded;
        }
        return Optional.of(loaded);
    }

    /** Marks this transaction (and the instance, until it ends) as changing the catalog. */
    private void changing() {
        invalidate();
        if (ttlNanos == 0 || WROTE.get()) {
            return;
        }
        Optional<? extends io.micronaut.transaction.TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            return;
        }
        try {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completion) {
                    WROTE.remove();
                    writing.decrementAndGet();
                    invalidate();
                }
            });
        } catch (RuntimeException unsupported) {
            // No end to wait for: the notification, heard by this instance too, drops the copy after the commit.
            return;
        }
        WROTE.set(true);
        writing.incrementAndGet();
    }

    private void notifyChange() {
        // In the writer's transaction: other instances hear of it when (and only if) it commits.
        sql.list("SELECT pg_notify(?, '')", row -> 1, CatalogNotifications.CHANNEL);
        if (transactions.findTransactionStatus().isEmpty()) {
            invalidate();
        }
    }
}
