package dev.plugboard.adapter.persistence.jdbc;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A statement broke a unique constraint (SQLState 23505); the adapters turn it into the domain
 * error the constraint stands for.
 */
public final class UniqueViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final String SQL_STATE = "23505";

    private final String constraint;

    private UniqueViolation(String constraint, Throwable cause) {
        super("unique constraint " + constraint + " violated", cause);
        this.constraint = constraint;
    }

    /** The name of the violated constraint or unique index; empty when the driver did not say. */
    public String constraint() {
        return constraint;
    }

    static Optional<UniqueViolation> from(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return Optional.of(new UniqueViolation(constraintOf(sql), failure));
            }
        }
        return Optional.empty();
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            if (message != null && message.getConstraint() != null) {
                return message.getConstraint();
            }
        }
        return "";
    }
}
