package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.DatabaseBackups;
import dev.plugboard.adapter.cli.DatabaseBackups.RestoreReport;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.adapter.cli.support.Table;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** {@code plugboard db restore --from FILE}: pg_restore in one transaction, then the row counts checked against the backup's. */
@Prototype
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'plugboard db backup' with pg_restore, in one transaction: on any"
                + " error nothing changes. Stop every Plugboard server using the database first.",
                "A database that holds rows is refused unless --force, which replaces its tables with the backup's.",
                "Afterwards the rows per table are counted and compared with FILE.counts.json; exit 1 if they differ."},
        footer = {"%nExamples:", "  plugboard db restore --from plugboard-2026-12-01.dump",
                "  plugboard db restore --from plugboard-2026-12-01.dump --force"})
public class RestoreCommand extends CliCommand {

    private final Provider<DatabaseBackups> backups;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The archive written by 'plugboard db backup'.")
    private Path file;

    @Option(names = "--force", description = "Replace the data of a database that is not empty.")
    private boolean force;

    public RestoreCommand(Provider<DatabaseBackups> backups) {
        this.backups = backups;
    }

    @Override
    protected ExitCode execute() {
        RestoreReport report;
        try (ProgressDisplay progress = progress(false)) {
            report = backups.get().restore(file, force, line -> err().println(line), progress);
        }
        Map<String, Long> expected = report.expected().orElse(Map.of());
        TreeSet<String> tables = new TreeSet<>(report.rows().keySet());
        tables.addAll(expected.keySet());
        Table table = new Table("TABLE", "ROWS", "IN BACKUP", "CHECK");
        int mismatches = 0;
        for (String name : tables) {
            Long now = report.rows().get(name);
            Long before = expected.get(name);
            boolean same = report.expected().isEmpty() || Objects.equals(now, before);
            mismatches += same ? 0 : 1;
            table.row(name, now == null ? "-" : now, before == null ? "-" : before,
                    report.expected().isEmpty() ? "" : same ? "ok" : "DIFFERS");
        }
        table.print(out());
        if (report.expected().isEmpty()) {
            out().printf("Restored %s with %s; %s is missing, so the counts were not compared.%n", report.file(),
                    report.tool(), DatabaseBackups.countsFile(report.file()));
            return ExitCode.OK;
        }
        if (mismatches > 0) {
            err().printf("Restored %s, but %d table(s) differ from the backup's counts (see above)%n", report.file(), mismatches);
            return ExitCode.FAILURE;
        }
        out().printf("Restored %s with %s: %d tables, every row count equal to the backup's.%n", report.file(),
                report.tool(), tables.size());
        return ExitCode.OK;
    }
}
