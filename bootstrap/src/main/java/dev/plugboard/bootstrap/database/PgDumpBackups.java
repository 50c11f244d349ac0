package dev.plugboard.bootstrap.database;

import dev.plugboard.adapter.cli.DatabaseBackups;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.bootstrap.launch.DatabaseReachability;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code plugboard db backup|restore} with pg_dump and pg_restore in custom format. The backup's row
 * counts are taken in the snapshot pg_dump dumps ({@code --snapshot}), so they match the archive
 * exactly even while servers keep writing, and are kept beside it in {@code FILE.counts.json}.
 */
@Singleton
final class PgDumpBackups implements DatabaseBackups {

    private static final byte[] ARCHIVE_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final String DUMP_TABLE = "dumping contents of table";
    private static final String RESTORE_TABLE = "processing data for table";
    private static final Pattern DUMP_PROGRESS = Pattern.compile(DUMP_TABLE + "|error");
    private static final Pattern RESTORE_PROGRESS = Pattern.compile(RESTORE_TABLE + "|error");

    private final PgConnection connection;
    private final Optional<String> configuredTools;

    PgDumpBackups(Environment environment) {
        this.connection = PgConnection.from(environment);
        this.configuredTools = environment.getProperty("plugboard.database.pg-bin", String.class);
    }

    @Override
    public BackupReport backup(Path file, Consumer<String> notes, ProgressListener progress) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Connection jdbc = connection.open()) {
            Path pgDump = PgTools.search(configuredTools).find("pg_dump", RowCounts.serverMajor(jdbc));
            notes.accept("Backing up " + connection.safeUrl() + " with " + pgDump);
            // The snapshot stays exported while this transaction is open: pg_dump dumps exactly what was counted.
            jdbc.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            jdbc.setReadOnly(true);
            jdbc.setAutoCommit(false);
            String snapshot = RowCounts.exportSnapshot(jdbc);
            Map<String, Long> rows = RowCounts.count(jdbc);
            List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--verbose",
                    "--no-owner", "--no-privileges", "--snapshot=" + snapshot, "--file=" + partial));
            command.addAll(connection.arguments());
            PgTools.run(command, connection.password(), DUMP_PROGRESS,
                    new TableProgress(BACKUP_TASK, DUMP_TABLE, rows.size(), progress, notes));
            jdbc.commit();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(DatabaseBackups.countsFile(target), JsonDocument.of(Map.of("tables", rows)).toJson() + "\n");
            return new BackupReport(target, Files.size(target), rows, pgDump.toString());
        } catch (SQLException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot read " + connection.safeUrl() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot write " + target + ": " + e.getMessage());
        } finally {
            deleteQuietly(partial);
        }
    }

    @Override
    public RestoreReport restore(Path file, boolean force, Consumer<String> notes, ProgressListener progress) {
        Path source = file.toAbsolutePath();
        requireArchive(source);
        Optional<Map<String, Long>> expected = expectedCounts(source);
        try (Connection jdbc = connection.open()) {
            Path pgRestore = PgTools.search(configuredTools).find("pg_restore", RowCounts.serverMajor(jdbc));
            Map<String, Long> present = RowCounts.count(jdbc);
            long rows = present.entrySet().stream().filter(e -> !RowCounts.MIGRATIONS.equals(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            if (rows > 0 && !force) {
                String tables = present.entrySet().stream()
                        .filter(e -> e.getValue() > 0 && !RowCounts.MIGRATIONS.equals(e.getKey()))
                        .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
                throw new CliFailure(ExitCode.CONFLICT, "the database " + connection.safeUrl() + " is not empty (" + rows
                        + " rows: " + tables + "); restoring would replace its data: add --force to do so,"
                        + " or restore into an empty database");
            }
            notes.accept("Restoring " + source + " into " + connection.safeUrl() + " with " + pgRestore);
            List<String> command = new ArrayList<>(List.of(pgRestore.toString(), "--clean", "--if-exists",
                    "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--verbose"));
            command.addAll(connection.arguments());
            command.add(source.toString());
            PgTools.run(command, connection.password(), RESTORE_PROGRESS, new TableProgress(RESTORE_TASK, RESTORE_TABLE,
                    expected.map(tables -> (long) tables.size()).orElse(ProgressListener.UNKNOWN), progress, notes));
            notes.accept("Counting rows");
            return new RestoreReport(source, RowCounts.count(jdbc), expected, pgRestore.toString());
        } catch (SQLException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot read " + connection.safeUrl() + ": " + e.getMessage());
        }
    }

    private static void requireArchive(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new CliFailure(ExitCode.USAGE, "backup file " + source + " does not exist; name a file written by"
                    + " 'plugboard db backup --to FILE'");
        }
        try (InputStream in = Files.newInputStream(source)) {
            if (!Arrays.equals(in.readNBytes(ARCHIVE_MAGIC.length), ARCHIVE_MAGIC)) {
                throw new CliFailure(ExitCode.USAGE, source + " is not a pg_dump custom-format archive; name a file"
                        + " written by 'plugboard db backup --to FILE'");
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "cannot read " + source + ": " + e.getMessage());
        }
    }

    private static Optional<Map<String, Long>> expectedCounts(Path source) {
        Path counts = DatabaseBackups.countsFile(source);
        if (!Files.isRegularFile(counts)) {
            return Optional.empty();
        }
        try {
            Object tables = JsonDocument.parse(Files.readString(counts)).get("tables").orElse(Map.of());
            Map<String, Long> expected = new LinkedHashMap<>();
            if (tables instanceof Map<?, ?> map) {
                map.forEach((name, rows) -> expected.put((String) name, ((Number) rows).longValue()));
            }
            return Optional.of(expected);
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCode.USAGE, counts + " cannot be read (" + e.getMessage()
                    + "); fix or remove it to restore without comparing the counts");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover .partial file is harmless and named as such.
        }
    }

    /** Used by {@link PgConnection}: keeps the URL's password out of messages. */
    static String safe(String url) {
        return DatabaseReachability.safe(url);
    }
}
