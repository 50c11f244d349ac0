package dev.plugboard.adapter.persistence.support;

import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests of this JVM share, chosen once: the server at
 * {@code PLUGBOARD_TEST_DATABASE_URL} when it is set, a Testcontainers one when
 * {@code PLUGBOARD_TEST_DATABASE=testcontainers}, and otherwise an embedded server in a temporary
 * folder. Each test class gets a database of its own on it. When no server can be had the tests
 * fail, saying how to provide one: they never skip.
 */
public final class TestServer {

    static final String URL_VARIABLE = "PLUGBOARD_TEST_DATABASE_URL";
    static final String MODE_VARIABLE = "PLUGBOARD_TEST_DATABASE";
    private static final String HOW_TO_PROVIDE = "Provide a PostgreSQL (15 or newer) for the tests: set " + URL_VARIABLE
            + "=jdbc:postgresql://HOST:5432/postgres with " + URL_VARIABLE.replace("URL", "USER") + " and "
            + URL_VARIABLE.replace("URL", "PASSWORD") + " (the user needs CREATEDB), or set " + MODE_VARIABLE
            + "=testcontainers with Docker running, or let the embedded server start (it needs the linux amd64 "
            + "binaries and a writable temporary folder).";

    private static TestServer shared;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final UnaryOperator<String> urlOfDatabase;

    private TestServer(String adminUrl, String user, String password, UnaryOperator<String> urlOfDatabase) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.urlOfDatabase = urlOfDatabase;
    }

    /** The server of this JVM, started or found the first time it is asked for. */
    public static synchronized TestServer get() {
        if (shared == null) {
            shared = choose();
            shared.requireReachable();
        }
        return shared;
    }

    private static TestServer choose() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return external(url.strip());
        }
        if ("testcontainers".equalsIgnoreCase(System.getenv(MODE_VARIABLE))) {
            return container();
        }
        return embedded();
    }

    private static TestServer external(String url) {
        String user = System.getenv().getOrDefault(URL_VARIABLE.replace("URL", "USER"), "postgres");
        String password = System.getenv().getOrDefault(URL_VARIABLE.replace("URL", "PASSWORD"), "");
        return new TestServer(url, user, password, database -> withDatabase(url, database));
    }

    private static TestServer container() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(MODE_VARIABLE + "=testcontainers but no Docker engine answers. " + HOW_TO_PROVIDE);
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new TestServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                database -> withDatabase(container.getJdbcUrl(), database));
    }

    private static TestServer embedded() {
        try {
            Path folder = Files.createTempDirectory("plugboard-test-pg");
            EmbeddedDatabase server = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder)
                    .withDatabase("postgres").withDurable(false).withStartupTimeout(Duration.ofSeconds(120)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteQuietly(folder);
            }));
            return new TestServer(server.jdbcUrl(), server.user(), server.password(), server::jdbcUrl);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start: " + sentence(e.getMessage()) + " "
                    + HOW_TO_PROVIDE, e);
        }
    }

    /** Replaces the database of a JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int pathStart = hostStart < 0 ? -1 : url.indexOf('/', hostStart + 2);
        if (pathStart < 0) {
            throw new IllegalStateException(URL_VARIABLE + " '" + url + "' is not a URL like jdbc:postgresql://HOST:5432/postgres");
        }
        int query = url.indexOf('?', pathStart);
        return url.substring(0, pathStart + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private void requireReachable() {
        try (Connection connection = admin()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + adminUrl + " (user " + user + "): "
                    + sentence(e.getMessage()) + " " + HOW_TO_PROVIDE, e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    /** Creates an empty database and returns its name. */
    public String createDatabase(String name) {
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database, closing whatever connections it still has. */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String statement) {
        try (Connection connection = admin(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + statement + "' failed at " + adminUrl + " (user " + user + "): "
                    + sentence(e.getMessage()) + " " + HOW_TO_PROVIDE, e);
        }
    }

    public String url(String database) {
        return urlOfDatabase.apply(database);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A driver message as a sentence of its own: ends with exactly one period. */
    private static String sentence(String message) {
        String text = message == null ? "no details" : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a test run for.
        }
    }
}
