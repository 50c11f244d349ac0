package dev.plugboard.adapter.persistence.jdbc;

import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** The role-grant cache's notifications ({@link CachedRoleGrantRepository}): on the {@code plugboard_grants} channel. */
@Singleton
public final class GrantNotifications extends ChangeNotifications {

    /** The channel every grant and revoke notifies, in its own transaction. */
    public static final String CHANNEL = "plugboard_grants";
    /** How the listening connection names itself in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "plugboard-grants-listener";

    public GrantNotifications(BasicJdbcConfiguration database) {
        super(database, CHANNEL, APPLICATION_NAME, "role-grant cache");
    }

    @PreDestroy
    @Override
    public void close() {
        super.close();
    }
}
