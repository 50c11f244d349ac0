package dev.plugboard.bootstrap.launch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Checks a configured database answers before anything else starts, so an operator reads one
 * clear line naming the URL (never the password) instead of a connection-pool stack trace.
 */
public final class DatabaseReachability {

    private static final int TIMEOUT_SECONDS = 10;

    private DatabaseReachability() {
    }

    static void require(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseUnreachableException("PLUGBOARD_DATABASE_URL '" + safe(url)
                    + "' is not a PostgreSQL JDBC URL; write jdbc:postgresql://HOST:PORT/DATABASE");
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            // reachable
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("cannot reach PostgreSQL at " + safe(url)
                    + (user.isBlank() ? "" : " as user '" + user + "'") + ": " + firstLine(e.getMessage())
                    + "; check PLUGBOARD_DATABASE_URL, PLUGBOARD_DATABASE_USER and PLUGBOARD_DATABASE_PASSWORD,"
                    + " or unset PLUGBOARD_DATABASE_URL to use the embedded database");
        }
    }

    /** The URL without its query string, where a password may hide: safe to show and log. */
    public static String safe(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
