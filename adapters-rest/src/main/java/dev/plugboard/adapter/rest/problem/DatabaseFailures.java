package dev.plugboard.adapter.rest.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from any other failure, by the causes an error carries:
 * the pool's timeout waiting for a connection, a refused connection, or an SQL state of class 08
 * (connection exception) or 57P (the server shutting down or starting up), or a pooled connection
 * already closed under the request: HikariCP closes a connection whose server went away (a fatal
 * SQL state on it), and the next use of it by the same transaction, such as resetting it read-only,
 * fails with "Connection is closed" and no SQL state at all.
 */
final class DatabaseFailures {

    /** HikariCP's message for any use of a connection it has closed (it gives no SQL state). */
    static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseFailures() {
    }

    static boolean isUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_THE_POOL.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
