package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final JdbcPluginRepository database;
    private final CatalogNotifications notifications;
    private final CacheInvalidation changes;
    private final long ttlNanos;
    private final boolean listen;
    private volatile Snapshot snapshot;

    public CachedPluginRepository(JdbcPluginRepository database, Sql sql, TransactionOperations<Connection> transactions,
                                  CatalogNotifications notifications,
                                  @Value("${plugboard.catalog.cache-ttl:0s}") Duration ttl,
                                  @Value("${plugboard.launch.sync-catalog:false}") boolean listen) {
        this.database = database;
        this.notifications = notifications;
        this.changes = new CacheInvalidation(sql, transactions, CatalogNotifications.CHANNEL, () -> snapshot = null);
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
        changes.invalidate();
    }

    private Optional<Snapshot> cached() {
        if (ttlNanos == 0 || !changes.copiesAllowed()) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && current.generation() == changes.generation()
                && (notifications.listening() || now - current.loadedAt() < ttlNanos)) {
            return Optional.of(current);
        }
        if (listen) {
            notifications.start(this::invalidate);
        }
        long loading = changes.generation();
        List<Plugin> plugins = database.findAll();
        Snapshot loaded = new Snapshot(plugins, plugins.stream().collect(Collectors.toUnmodifiableMap(Plugin::name,
                Function.identity())), loading, now);
        // A change noticed while loading may not be in what was read: serve it this once, keep nothing.
        if (changes.generation() == loading && changes.copiesAllowed()) {
            snapshot = loaded;
        }
        return Optional.of(loaded);
    }

    private void changing() {
        if (ttlNanos == 0) {
            changes.invalidate();
        } else {
            changes.changing();
        }
    }

    private void notifyChange() {
        changes.changed();
    }
}
