package dev.plugboard.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Starts the server of a data folder so that it listens on 127.0.0.1 only and asks every client
 * for the folder's password, and upgrades a folder that still lets local clients in without one
 * (a new folder, as initdb leaves it, or one of a Plugboard version before passwords).
 */
final class ServerLauncher {

    static final String LISTEN_ADDRESS = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    /** A server this process started, and the password its clients use. */
    record Launched(EmbeddedPostgres server, String password) {
    }

    private ServerLauncher() {
    }

    /**
     * The upgrade runs in an order that a crash at any step leaves restartable: the password file
     * first, then the role's password, then pg_hba.conf (replaced whole); until the last step the
     * server still admits clients without a password, and the next start simply runs it again.
     */
    static Launched start(Path folder, EmbeddedDatabase.Options options) throws IOException {
        Path dataDirectory = folder.resolve("pgdata");
        boolean initialised = Files.exists(dataDirectory.resolve("PG_VERSION"));
        String password = password(folder);
        EmbeddedPostgres server = launch(dataDirectory, options, password);
        try {
            LocalServer local = new LocalServer(server.getPort(), password);
            if (HbaFile.admitsWithoutPassword(dataDirectory)) {
                local.requirePassword();
                HbaFile.writeScramOnly(dataDirectory);
                local.reloadConfiguration();
                local.awaitPasswordRequired();
                if (initialised) {
                    LOG.info("Upgraded the embedded PostgreSQL of {} to password authentication (scram-sha-256, 127.0.0.1 only);"
                            + " the password is in {}", folder, PasswordFile.of(folder));
                }
            } else if (!HbaFile.isScramOnly(dataDirectory)) {
                // initdb's own rules (a new folder) also admit ::1 and replication: keep only Plugboard's.
                HbaFile.writeScramOnly(dataDirectory);
                local.reloadConfiguration();
            }
            local.createDatabaseIfMissing(options.database());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new Launched(server, password);
    }

    /**
     * The folder's password, generated when there is none yet. A folder whose server already
     * requires a password but whose file is gone gets no new one: the server would refuse it.
     */
    static String password(Path folder) throws IOException {
        Optional<String> stored = PasswordFile.read(folder);
        if (stored.isPresent()) {
            return stored.get();
        }
        Path dataDirectory = folder.resolve("pgdata");
        if (Files.exists(dataDirectory.resolve("PG_VERSION")) && !HbaFile.admitsWithoutPassword(dataDirectory)) {
            throw new EmbeddedDatabaseException("the embedded PostgreSQL in " + dataDirectory + " requires a password, but "
                    + PasswordFile.of(folder) + " is missing; restore that file from a backup, or see 'Lost password' in"
                    + " docs/security/database.md to set a new one");
        }
        return PasswordFile.loadOrCreate(folder);
    }

    private static EmbeddedPostgres launch(Path dataDirectory, EmbeddedDatabase.Options options, String password)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(options.port())
                .setPGStartupWait(options.startupTimeout())
                // Loopback only, whatever postgresql.conf says; the library's readiness probe signs in with the password.
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password)
                // Case-insensitive search and sorting the same on every machine, whatever locales it has.
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("locale", "C");
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            // A new folder: initdb sets the password and scram-only rules itself (these flags follow the
            // library's own "-A trust"), so the server never admits a client without the password.
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", PasswordFile.of(dataDirectory.getParent()).toString());
        }
        if (options.durable()) {
            // The library starts PostgreSQL for throw-away tests (fsync off); Plugboard's data is kept.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            return builder.start();
        } catch (IOException e) {
            if (refusedPassword(e)) {
                throw new EmbeddedDatabaseException("the PostgreSQL of " + dataDirectory + " refuses the password in "
                        + PasswordFile.of(dataDirectory.getParent()) + "; restore that file from a backup, or see 'Lost"
                        + " password' in docs/security/database.md to set a new one", e);
            }
            throw e;
        } catch (IllegalStateException e) {
            // The library locks the data directory; another live process holding it is the usual cause.
            throw new EmbeddedDatabaseException("cannot start PostgreSQL in " + dataDirectory + ": " + e.getMessage()
                    + "; if another process uses this folder and its server crashed, restart that process", e);
        }
    }

    /** Whether the library gave up waiting because the server refused the password (SQLSTATE 28P01). */
    private static boolean refusedPassword(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LocalServer.INVALID_PASSWORD.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
