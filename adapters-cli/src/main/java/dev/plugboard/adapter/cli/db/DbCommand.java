package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard db} group: the database schema. */
@Prototype
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Administer the database: apply schema migrations, show where the database is and its schema version,"
                + " prune records past their retention window.",
        subcommands = {MigrateCommand.class, InfoCommand.class, PruneCommand.class},
        footer = {"%nExamples:", "  plugboard db info", "  plugboard db prune --dry-run", "  PLUGBOARD_DATABASE_URL=jdbc:postgresql://db:5432/plugboard plugboard db migrate"})
public class DbCommand extends CommandGroup {
}
