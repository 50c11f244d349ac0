package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;
import io.micronaut.context.env.Environment;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The configured database as JDBC sees it and as libpq tools are told (host, port, user, database; password apart). */
record PgConnection(String url, String host, int port, String database, String user, String password) {

    static PgConnection from(Environment environment) {
        String url = environment.getProperty("datasources.default.url", String.class).orElseThrow(() ->
                new CliFailure(ExitCode.FAILURE, "no database is configured for this command"));
        String user = environment.getProperty("datasources.default.username", String.class).orElse("");
        String password = environment.getProperty("datasources.default.password", String.class).orElse("");
        URI uri;
        try {
            uri = URI.create(url.substring("jdbc:".length()));
        } catch (RuntimeException e) {
            throw unsupported(url);
        }
        if (!url.startsWith("jdbc:postgresql://") || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw unsupported(url);
        }
        return new PgConnection(url, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
                user, password);
    }

    private static CliFailure unsupported(String url) {
        return new CliFailure(ExitCode.FAILURE, "backups need a single-host URL such as jdbc:postgresql://host:5432/plugboard,"
                + " not " + PgDumpBackups.safe(url) + "; for other set-ups run pg_dump yourself (see docs/operations.md#backups)");
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** libpq connection options; the password goes through PGPASSWORD only. */
    List<String> arguments() {
        return List.of("--host=" + host, "--port=" + port, "--username=" + user, "--dbname=" + database);
    }

    String safeUrl() {
        return PgDumpBackups.safe(url);
    }

    @Override
    public String toString() {
        return "PgConnection[" + safeUrl() + ", user=" + user + "]";
    }
}
