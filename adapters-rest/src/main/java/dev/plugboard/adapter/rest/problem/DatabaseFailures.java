package dev.plugboard.adapter.rest.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from any other failure, by the causes an error carries:
 * the pool's timeout waiting for a connection, a refused connection, or an SQL state of class 08
 * (connection exception) or 57P (the server shutting down or starting up).
 */
final class DatabaseFailures {

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
        }
        return false;
    }
}
