package dev.plugboard.adapter.cli.admins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.domain.access.Role;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard admins revoke SUBJECT}: takes a granted role away. */
@Prototype
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a role granted to a token subject: admin by default, or worker. It applies from"
                + " the subject's next request. Roles its tokens carry are not grants: with"
                + " trust-token-roles=true they still count. Recorded in the audit trail.",
                "Exit 3 when the subject holds no such grant; 2 when the role is not valid."},
        footer = {"%nExamples:", "  plugboard admins revoke alice", "  plugboard admins revoke worker-1 --role worker"})
public class RevokeRoleCommand extends CliCommand {

    private final Provider<RoleGrantsUseCase> grants;

    @Parameters(paramLabel = "SUBJECT", description = "The subject, as the sub claim of its tokens names it.")
    private String subject;

    @Mixin
    private RoleOption role;

    public RevokeRoleCommand(Provider<RoleGrantsUseCase> grants) {
        this.grants = grants;
    }

    @Override
    protected ExitCode execute() {
        Role revoked = role.role();
        grants.get().revoke(Operator.actor(), subject, revoked);
        out().println("Revoked " + revoked.wireName() + " from '" + subject.strip() + "'.");
        return ExitCode.OK;
    }
}
