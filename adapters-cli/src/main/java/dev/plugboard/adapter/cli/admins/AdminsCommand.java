package dev.plugboard.adapter.cli.admins;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard admins} group: roles granted to token subjects in Plugboard itself. */
@Prototype
@Command(name = "admins", mixinStandardHelpOptions = true,
        description = {"Grant, revoke and list the roles (admin, worker) that Plugboard gives token subjects"
                + " itself, whatever roles their tokens carry. With plugboard.auth.trust-token-roles=false (the"
                + " default with a JWKS URL) these grants are the only roles that count: grant the first"
                + " administrator here."},
        subcommands = {GrantRoleCommand.class, RevokeRoleCommand.class, ListGrantsCommand.class},
        footer = {"%nExamples:", "  plugboard admins grant alice",
                "  plugboard admins grant worker-1 --role worker",
                "  plugboard admins revoke alice", "  plugboard admins list --json"})
public class AdminsCommand extends CommandGroup {
}
