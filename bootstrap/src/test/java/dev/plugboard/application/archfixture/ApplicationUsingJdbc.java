package dev.plugboard.application.archfixture;

import java.sql.Connection;

/** Breaks "the application has no JDBC". */
public class ApplicationUsingJdbc {
    public void use(Connection connection) throws java.sql.SQLException {
        connection.close();
    }
}
