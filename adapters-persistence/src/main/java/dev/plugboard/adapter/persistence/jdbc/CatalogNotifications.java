package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** The catalog cache's notifications ({@link CachedPluginRepository}): on the {@code plugboard_catalog} channel. */
@Singleton
public final class CatalogNotifications extends ChangeNotifications {

    /** The channel every catalog write notifies, in its own transaction. */
    public static final String CHANNEL = "plugboard_catalog";
    /** How the listening connection names itself in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "plugboard-catalog-listener";

    public CatalogNotifications(BasicJdbcConfiguration database) {
        super(database, CHANNEL, APPLICATION_NAME, "catalog cache");
    }

    @PreDestroy
    @Override
    public void close() {
        super.close();
    }
}
