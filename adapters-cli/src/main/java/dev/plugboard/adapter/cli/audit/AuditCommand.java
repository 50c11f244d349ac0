package dev.plugboard.adapter.cli.audit;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard audit} group: who did what. */
@Prototype
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read the audit trail: every operation, by whom, on what, with what outcome (secrets redacted).",
        subcommands = ListAuditCommand.class,
        footer = {"%nExample:", "  plugboard audit list --since 1d"})
public class AuditCommand extends CommandGroup {
}
