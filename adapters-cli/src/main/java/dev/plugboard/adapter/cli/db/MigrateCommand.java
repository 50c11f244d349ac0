package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.DatabaseAdmin;
import dev.plugboard.adapter.cli.DatabaseAdmin.MigrationReport;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard db migrate}: applies pending schema migrations. */
@Prototype
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply every pending schema migration to the configured database (the embedded one by default).",
        footer = {"%nExample:", "  plugboard db migrate"})
public class MigrateCommand extends CliCommand {

    private final Provider<DatabaseAdmin> database;

    public MigrateCommand(Provider<DatabaseAdmin> database) {
        this.database = database;
    }

    @Override
    protected ExitCode execute() {
        MigrationReport report = database.get().migrate();
        String version = report.versionAfter().orElse("(empty)");
        if (report.applied().isEmpty()) {
            out().println("Database " + report.url() + " is up to date at schema version " + version + ".");
        } else {
            out().println("Applied " + report.applied().size() + (report.applied().size() == 1 ? " migration" : " migrations")
                    + " to " + report.url() + ": schema version " + report.versionBefore().orElse("(empty)") + " -> " + version + ".");
            report.applied().forEach(m -> out().println("  " + m.version() + "  " + m.description()));
        }
        return ExitCode.OK;
    }
}
