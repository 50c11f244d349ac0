package dev.plugboard.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server whose data lives in a local folder, for running Plugboard without a
 * database of one's own. The first process to open a folder starts the server (and stops it on
 * {@link #close()}); a process that opens the folder while that server runs connects to it. Data
 * survives restarts and crashes: a server left behind by a killed process is reused and taken over
 * (the process that finds it stops it on close, see {@link ServerOwner}), and the lock file of a
 * killed server is removed so that the next start works. The server listens on 127.0.0.1
 * only and asks every client for the password kept in the folder (see {@link ServerLauncher}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final Pattern DATABASE_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final Duration ORPHAN_WAIT = Duration.ofSeconds(30);

    /**
     * Where and how to run the server.
     *
     * @param folder         where the data lives ({@code pgdata/} inside it); created when missing
     * @param database       the database Plugboard uses, created when missing
     * @param port           the port to listen on when this process starts the server; 0 for any free one
     * @param durable        whether commits reach the disk before they return (fsync); off only for tests
     * @param startupTimeout how long to wait for a server to start or to become ready
     */
    public record Options(Path folder, String database, int port, boolean durable, Duration startupTimeout) {

        public static final Path DEFAULT_FOLDER = Path.of("plugboard-data");
        public static final String DEFAULT_DATABASE = "plugboard";

        public Options {
            if (folder == null) {
                throw new IllegalArgumentException("the embedded database needs a data folder, e.g. ./plugboard-data");
            }
            if (database == null || !DATABASE_NAME.matcher(database).matches()) {
                throw new IllegalArgumentException("database name '" + database
                        + "' is not usable: use lowercase letters, digits and _, starting with a letter");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not a TCP port: use 1 to 65535, or 0 for any free one");
            }
            startupTimeout = startupTimeout == null ? Duration.ofSeconds(60) : startupTimeout;
        }

        /** The defaults: ./plugboard-data, database plugboard, any free port, durable. */
        public static Options defaults() {
            return in(DEFAULT_FOLDER);
        }

        public static Options in(Path folder) {
            return new Options(folder, DEFAULT_DATABASE, 0, true, Duration.ofSeconds(60));
        }

        public Options withDatabase(String name) {
            return new Options(folder, name, port, durable, startupTimeout);
        }

        public Options withPort(int value) {
            return new Options(folder, database, value, durable, startupTimeout);
        }

        public Options withDurable(boolean value) {
            return new Options(folder, database, port, value, startupTimeout);
        }

        public Options withStartupTimeout(Duration value) {
            return new Options(folder, database, port, durable, value);
        }
    }

    private final Path folder;
    private final String database;
    private final int port;
    private final String password;
    private final EmbeddedPostgres startedHere;
    /** The postmaster of a server whose owner was gone when this process connected, which this process now stops; 0 if none. */
    private final long adoptedPostmaster;

    /** How long the exit hook waits for this process's own last connections (see {@link #closeAtExit()}). */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final Thread stopOnExit;
    private boolean closed;
    /** Whether close() ran before the JVM began to stop: then its decision stands, and the exit hook does not wait. */
    private volatile boolean closeCalled;
    /** Whether the exit hook has begun: from then on it alone decides, and close() elsewhere leaves it to it. */
    private volatile boolean exiting;

    private EmbeddedDatabase(Path folder, String database, int port, String password, EmbeddedPostgres startedHere,
                             long adoptedPostmaster) {
        this.folder = folder;
        this.database = database;
        this.port = port;
        this.password = password;
        this.startedHere = startedHere;
        this.adoptedPostmaster = adoptedPostmaster;
        // Our own hook rather than the library's, so that a close() racing with it waits for the stop.
        this.stopOnExit = owns() ? new Thread(this::closeAtExit, "plugboard-embedded-postgres-stop") : null;
        if (stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /** Starts the server of {@code options.folder()}, or connects to it if it already runs. */
    public static EmbeddedDatabase start(Options options) {
        Path folder = options.folder().toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
            // One process at a time decides whether to start or to connect (in this JVM too).
            synchronized (EmbeddedDatabase.class) {
                try (FileChannel channel = FileChannel.open(folder.resolve("startup.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.lock();
                    try {
                        return startOrConnect(folder, options);
                    } finally {
                        lock.release();
                    }
                }
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot start the embedded PostgreSQL in " + folder + ": " + e.getMessage()
                    + "; check that the folder is writable, or set a database URL to use a server of your own", e);
        }
    }

    /** {@link #start(Options)} with the defaults and the given folder. */
    public static EmbeddedDatabase start(Path folder) {
        return start(Options.in(folder));
    }

    private static EmbeddedDatabase startOrConnect(Path folder, Options options) throws IOException {
        Path dataDirectory = folder.resolve("pgdata");
        Optional<PostmasterPidFile> running = runningServer(dataDirectory, options.startupTimeout());
        if (running.isPresent()) {
            int port = running.get().port();
            LOG.info("Connecting to the PostgreSQL already running for {} (pid {}, port {})", folder,
                    running.get().pid(), port);
            // A server of an older version still admits anyone; the password written here serves it and its upgrade.
            String password = ServerLauncher.password(folder);
            LocalServer server = new LocalServer(port, password);
            server.join(dataDirectory, options.database());
            if (HbaFile.admitsWithoutPassword(dataDirectory)) {
                // Upgrading it live would lock out the older processes that may still use it.
                LOG.warn("The PostgreSQL running for {} still admits local clients without a password; stop every process"
                        + " using it, and the next start upgrades it", folder);
            }
            long adopted = 0;
            if (!ServerOwner.ownerAlive(folder)) {
                ServerOwner.claim(folder);
                adopted = running.get().pid();
                LOG.info("Taking over the PostgreSQL of {} (pid {}): the process that started it is gone, so this one"
                        + " stops it when it exits, unless other processes still use it", folder, adopted);
            }
            return new EmbeddedDatabase(folder, options.database(), port, password, null, adopted);
        }
        ServerLauncher.Launched launched = ServerLauncher.start(folder, options);
        ServerOwner.claim(folder);
        int port = launched.server().getPort();
        LOG.info("Started PostgreSQL for {} on {}:{}", folder, ServerLauncher.LISTEN_ADDRESS, port);
        return new EmbeddedDatabase(folder, options.database(), port, launched.password(), launched.server(), 0);
    }

    /**
     * The server that runs for the data directory, once it is ready; empty when none runs. A pid
     * file whose process is dead is removed, after the crashed server's last processes are gone.
     */
    private static Optional<PostmasterPidFile> runningServer(Path dataDirectory, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(dataDirectory);
            if (pidFile.isEmpty()) {
                return Optional.empty();
            }
            PostmasterPidFile file = pidFile.get();
            if (file.pid() > 0 && !ServerProcesses.isServer(file.pid())) {
                LOG.warn("Removing {}: its PostgreSQL (pid {}) is gone, it was not stopped cleanly", file.file(), file.pid());
                ServerProcesses.awaitNoneWorkingIn(dataDirectory, ORPHAN_WAIT);
                Files.deleteIfExists(file.file());
                return Optional.empty();
            }
            if (file.isReady()) {
                return pidFile;
            }
            if (System.nanoTime() > deadline) {
                throw new EmbeddedDatabaseException("the PostgreSQL of " + dataDirectory + " (pid " + file.pid() + ") is still '"
                        + file.status() + "' after " + timeout.toSeconds() + " s; wait for it, or stop it (kill "
                        + file.pid() + ") and start again");
            }
            ServerProcesses.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * On SIGTERM or Ctrl-C the application's own shutdown runs beside this hook, and its connections
     * that do not carry the process's name (the catalog listener) may be open for a moment yet: they
     * get a few seconds to go before this process decides that others use the server and leaves it running.
     */
    private void closeAtExit() {
        exiting = true;
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        while (!closeCalled && owns() && otherProcessesConnected() > 0 && System.nanoTime() < deadline) {
            ServerProcesses.sleep(Duration.ofMillis(100));
        }
        close();
    }

    /** Whether the JVM is running its shutdown hooks: it then refuses new ones. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    /** Connections to this server from other processes (each names itself with its pid). */
    private int otherProcessesConnected() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                     + " AND pid <> pg_backend_pid() AND application_name <> '" + LocalServer.APPLICATION_NAME + "'")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            return 0; // cannot tell: stop as before
        }
    }

    /** The JDBC URL of Plugboard's database, e.g. {@code jdbc:postgresql://127.0.0.1:5433/plugboard}. */
    public String jdbcUrl() {
        return LocalServer.url(port, database);
    }

    /** The JDBC URL of another database on the same server (tests create one per test class). */
    public String jdbcUrl(String otherDatabase) {
        return LocalServer.url(port, otherDatabase);
    }

    /** The server's superuser; the server listens on 127.0.0.1 only. */
    public String user() {
        return LocalServer.SUPERUSER;
    }

    /**
     * The superuser's password, from the owner-only file {@code db-password} in the data folder:
     * the server asks every client for it (scram-sha-256). Never log it.
     */
    public String password() {
        return password;
    }

    /**
     * The settings of Micronaut's default data source for this database, for a context builder's
     * {@code properties(...)}: {@code datasources.default.url}, {@code username}, {@code password},
     * {@code driver-class-name} and {@code dialect}.
     */
    public Map<String, Object> dataSourceProperties() {
        return Map.of("datasources.default.url", jdbcUrl(),
                "datasources.default.username", user(),
                "datasources.default.password", password(),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES");
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public Path folder() {
        return folder;
    }

    /** Whether this process started the server (and so stops it on close) rather than connecting to a running one. */
    public boolean startedHere() {
        return startedHere != null;
    }

    /** Whether this process stops the server on close: it started it, or took it over from an owner that was gone. */
    public boolean owns() {
        return startedHere != null || adoptedPostmaster != 0;
    }

    /** Stops the server if this process owns it; a server this process only connected to keeps running. */
    @Override
    public synchronized void close() {
        boolean shutdown = exiting || jvmShuttingDown();
        closeCalled |= !shutdown;
        if (closed || !owns()) {
            return;
        }
        int others = otherProcessesConnected();
        if (others > 0 && shutdown && Thread.currentThread() != stopOnExit) {
            // The JVM is stopping (the application's own shutdown may run before the exit hook starts):
            // the hook waits for this process's last connections, and decides.
            return;
        }
        if (others > 0) {
            // The server (or another CLI) joined the database this process started: stopping it
            // now would pull it from under them. It stays up; the next process to start reuses it.
            LOG.info("Leaving the PostgreSQL of {} running: {} connection(s) of other processes use it", folder, others);
            return;
        }
        closed = true;
        if (startedHere != null) {
            try {
                startedHere.close();
            } catch (IOException e) {
                LOG.warn("Could not stop the PostgreSQL of {}: {}", folder, e.getMessage());
            }
        } else {
            ServerOwner.stop(adoptedPostmaster);
            LOG.info("Stopped the PostgreSQL of {} (pid {}) this process had taken over", folder, adoptedPostmaster);
        }
        ServerOwner.release(folder);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: this is the hook, or it runs anyway and finds the server stopped.
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + jdbcUrl() + ", " + folder + (startedHere() ? ", started here" : owns() ? ", taken over" : ", connected") + "]";
    }
}
