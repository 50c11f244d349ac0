package dev.plugboard.adapter.cli;

import dev.plugboard.application.port.in.ProgressListener;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Backup and restore for {@code plugboard db backup|restore}; bootstrap implements it with pg_dump and pg_restore. */
public interface DatabaseBackups {

    /**
     * Dumps the database to {@code file} (pg_dump custom format) and its row counts, taken in the
     * same snapshot as the dump, to {@link #countsFile(Path)}.
     *
     * @param notes    what a person should read on the way (the tool used, its errors)
     * @param progress told after each table dumped: task {@link #BACKUP_TASK}, of how many tables
     */
    BackupReport backup(Path file, Consumer<String> notes, ProgressListener progress);

    /**
     * Restores {@code file} over the database in one transaction, refused (a {@code CliFailure} with exit code 5)
     * when the database holds rows and {@code force} is off; then counts the rows again.
     * {@code progress} is told after each table restored: task {@link #RESTORE_TASK}, of how many
     * tables the counts file names (unknown without it).
     */
    RestoreReport restore(Path file, boolean force, Consumer<String> notes, ProgressListener progress);

    /** The task names of a backup's and a restore's progress, counted in tables. */
    String BACKUP_TASK = "back up tables";
    String RESTORE_TASK = "restore tables";

    /** The side file with the row counts of a backup: {@code FILE.counts.json}. */
    static Path countsFile(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".counts.json");
    }

    /** What a backup wrote, with the rows per table and the tool used. */
    record BackupReport(Path file, long bytes, Map<String, Long> rows, String tool) {
        public BackupReport {
            Objects.requireNonNull(file, "file");
            rows = Map.copyOf(rows);
        }
    }

    /**
     * What a restore did: rows per table now, and per table as the backup counted them (empty when
     * the counts file is missing).
     */
    record RestoreReport(Path file, Map<String, Long> rows, Optional<Map<String, Long>> expected, String tool) {
        public RestoreReport {
            Objects.requireNonNull(file, "file");
            rows = Map.copyOf(rows);
            expected = expected == null ? Optional.empty() : expected.map(Map::copyOf);
        }
    }
}
