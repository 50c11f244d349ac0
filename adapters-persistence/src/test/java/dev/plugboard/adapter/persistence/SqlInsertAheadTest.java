package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.Sql;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sql#withInsertAhead}: the INSERT travels with the next statement as a data-modifying CTE,
 * whatever that statement starts with, and is written exactly once.
 */
class SqlInsertAheadTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final String INSERT = "INSERT INTO users (id) VALUES (?)";

    private Sql sql;
    private TransactionBoundary transactions;

    @BeforeEach
    void empty() {
        transactions = DB.freshStorage().transactions();
        sql = DB.bean(Sql.class);
    }

    private List<String> users() {
        return transactions.inTransaction(() -> sql.list("SELECT id FROM users ORDER BY id", row -> row.getString("id")));
    }

    @Test
    void givenPlainWithAndRecursiveStatements_theInsert_goesAlongEachOnce() {
        List<Integer> plain = transactions.inTransaction(() -> sql.withInsertAhead(INSERT, new Object[]{"ann"},
                () -> sql.list("SELECT ?::int AS i", row -> row.getInt("i"), 7)));
        List<Integer> with = transactions.inTransaction(() -> sql.withInsertAhead(INSERT, new Object[]{"ben"},
                () -> sql.list("  with two AS (SELECT 2 AS i) SELECT i FROM two", row -> row.getInt("i"))));
        List<Integer> recursive = transactions.inTransaction(() -> sql.withInsertAhead(INSERT, new Object[]{"cat"}, () -> sql.list(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i FROM n",
                row -> row.getInt("i"), 3)));
        String alone = transactions.inTransaction(() -> sql.withInsertAhead(INSERT, new Object[]{"dan"}, () -> "no statement"));

        assertThat(plain).containsExactly(7);
        assertThat(with).containsExactly(2);
        assertThat(recursive).containsExactly(1, 2, 3);
        assertThat(alone).isEqualTo("no statement");
        assertThat(users()).containsExactly("ann", "ben", "cat", "dan");
    }
}
