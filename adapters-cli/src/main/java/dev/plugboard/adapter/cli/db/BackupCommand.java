package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.DatabaseBackups;
import dev.plugboard.adapter.cli.DatabaseBackups.BackupReport;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.adapter.cli.support.Table;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.TreeMap;

/** {@code plugboard db backup --to FILE}: a pg_dump archive of the database, with its row counts beside it. */
@Prototype
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the database with pg_dump (custom format) to FILE, and its row counts per table to"
                + " FILE.counts.json (counted in the same snapshot as the dump).",
                "pg_dump comes from PLUGBOARD_DATABASE_PG_BIN, the embedded PostgreSQL's bundle, PATH or /usr/lib/postgresql/<N>/bin;"
                        + " its major version must be at least the server's.",
                "The secrets key (PLUGBOARD_SECRETS_KEY) is not in the backup: keep it safe separately."},
        footer = {"%nExamples:", "  plugboard db backup --to plugboard-2026-12-01.dump",
                "  PLUGBOARD_DATABASE_URL=jdbc:postgresql://db:5432/plugboard plugboard db backup --to nightly.dump"})
public class BackupCommand extends CliCommand {

    private final Provider<DatabaseBackups> backups;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The archive to write (replaced if it exists).")
    private Path file;

    public BackupCommand(Provider<DatabaseBackups> backups) {
        this.backups = backups;
    }

    @Override
    protected ExitCode execute() {
        BackupReport report;
        try (ProgressDisplay progress = progress(false)) {
            report = backups.get().backup(file, line -> err().println(line), progress);
        }
        Table table = new Table("TABLE", "ROWS");
        new TreeMap<>(report.rows()).forEach(table::row);
        table.print(out());
        out().printf("Backed up %d tables (%d bytes) to %s with %s%n", report.rows().size(), report.bytes(),
                report.file(), report.tool());
        out().printf("Row counts in %s. Keep the secrets key too: without it secret settings cannot be decrypted.%n",
                DatabaseBackups.countsFile(report.file()));
        return ExitCode.OK;
    }
}
