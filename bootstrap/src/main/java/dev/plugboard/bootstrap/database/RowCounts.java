package dev.plugboard.bootstrap.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rows per table of the {@code public} schema, and the server facts a backup needs. */
final class RowCounts {

    static final String MIGRATIONS = "flyway_schema_history";

    private RowCounts() {
    }

    static int serverMajor(Connection jdbc) throws SQLException {
        try (Statement statement = jdbc.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            result.next();
            return Integer.parseInt(result.getString(1)) / 10_000;
        }
    }

    static String exportSnapshot(Connection jdbc) throws SQLException {
        try (Statement statement = jdbc.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_export_snapshot()")) {
            result.next();
            return result.getString(1);
        }
    }

    static Map<String, Long> count(Connection jdbc) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = jdbc.createStatement();
             ResultSet result = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables) {
            // The name comes from the catalog; quoting keeps any name a single identifier.
            try (Statement statement = jdbc.createStatement();
                 ResultSet result = statement.executeQuery("SELECT count(*) FROM public.\"" + table.replace("\"", "\"\"") + "\"")) {
                result.next();
                rows.put(table, result.getLong(1));
            }
        }
        return rows;
    }
}
