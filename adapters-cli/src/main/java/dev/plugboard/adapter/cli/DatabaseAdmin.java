package dev.plugboard.adapter.cli;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Schema administration for {@code plugboard db}; bootstrap implements it with Flyway. */
public interface DatabaseAdmin {

    /** Applies every pending migration. */
    MigrationReport migrate();

    /** Where the database is and which migrations it has. */
    DatabaseInfo info();

    /** One schema migration and where it stands. */
    record Migration(String version, String description, String state, Optional<Instant> installedOn) {
        public Migration {
            Objects.requireNonNull(version, "version");
            description = description == null ? "" : description;
            state = state == null ? "" : state;
            installedOn = installedOn == null ? Optional.empty() : installedOn;
        }
    }

    /**
     * What {@link #migrate()} did.
     *
     * @param url the JDBC URL without credentials
     */
    record MigrationReport(String url, Optional<String> versionBefore, Optional<String> versionAfter,
                           List<Migration> applied) {
        public MigrationReport {
            Objects.requireNonNull(url, "url");
            versionBefore = versionBefore == null ? Optional.empty() : versionBefore;
            versionAfter = versionAfter == null ? Optional.empty() : versionAfter;
            applied = List.copyOf(applied);
        }
    }

    /**
     * The database in use.
     *
     * @param url           the JDBC URL without credentials (never a password)
     * @param embedded      whether it is the embedded PostgreSQL in the data folder
     * @param dataDirectory the embedded server's folder, when embedded
     * @param schemaVersion the version of the last applied migration, if any
     */
    record DatabaseInfo(String url, boolean embedded, Optional<String> dataDirectory, Optional<String> schemaVersion,
                        List<Migration> applied, List<Migration> pending) {
        public DatabaseInfo {
            Objects.requireNonNull(url, "url");
            dataDirectory = dataDirectory == null ? Optional.empty() : dataDirectory;
            schemaVersion = schemaVersion == null ? Optional.empty() : schemaVersion;
            applied = List.copyOf(applied);
            pending = List.copyOf(pending);
        }
    }
}
