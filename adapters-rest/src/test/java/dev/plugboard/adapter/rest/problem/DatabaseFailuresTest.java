package dev.plugboard.adapter.rest.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database cannot be reached" (a 503) rather than a bug (a 500). The shapes
 * are those seen from a real server whose PostgreSQL was stopped or killed (DatabaseDownFullStackTest,
 * AcknowledgedWritesProcessTest).
 */
class DatabaseFailuresTest {

    @Test
    void givenTheFailuresOfAnUnreachableDatabase_eachIsUnreachable_evenWrapped() {
        assertThat(DatabaseFailures.isUnreachable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("terminating connection due to unexpected postmaster exit",
                "57P01"))).isTrue();
        // A killed postmaster: the pool closed the connection, and the transaction's next use of it fails.
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("Could not set JDBC Connection read-only",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void givenOtherFailures_noneIsUnreachable() {
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException(new SQLException("Connection is closed", "XX000"))))
                .as("the pool's message is known only without an SQL state").isFalse();
    }
}
