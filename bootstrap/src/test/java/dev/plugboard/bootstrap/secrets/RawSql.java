package dev.plugboard.bootstrap.secrets;

import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC to a running server's database, as an attacker with a copy of it (or a DBA) would see it. */
public final class RawSql {

    private final String url;
    private final String user;
    private final String password;

    public RawSql(ApplicationContext context) {
        this.url = context.getRequiredProperty("datasources.default.url", String.class);
        this.user = context.getProperty("datasources.default.username", String.class).orElse("");
        this.password = context.getProperty("datasources.default.password", String.class).orElse("");
    }

    public List<String> strings(String query, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = prepared(connection, query, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    public int execute(String statement, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement prepared = prepared(connection, statement, parameters)) {
            return prepared.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, String... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
