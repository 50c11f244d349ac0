package dev.plugboard.adapter.cli.admins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase.GrantResult;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code plugboard admins grant SUBJECT}: gives a token subject a role in Plugboard. */
@Prototype
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Grant a role to a token subject (its sub claim): admin by default, or worker. It counts"
                + " from the subject's next request, on every server instance. Granting a role the subject"
                + " already holds changes nothing. Recorded in the audit trail.",
                "Exit 2 when the subject or the role is not valid."},
        footer = {"%nExamples:", "  plugboard admins grant alice",
                "  plugboard admins grant 4f1c2a9e-1d7b-4a55-9c1e-2b7d0c1e9f3a",
                "  plugboard admins grant worker-1 --role worker"})
public class GrantRoleCommand extends CliCommand {

    private final Provider<RoleGrantsUseCase> grants;

    @Parameters(paramLabel = "SUBJECT", description = "The subject, as the sub claim of its tokens names it.")
    private String subject;

    @Mixin
    private RoleOption role;

    public GrantRoleCommand(Provider<RoleGrantsUseCase> grants) {
        this.grants = grants;
    }

    @Override
    protected ExitCode execute() {
        GrantResult result = grants.get().grant(Operator.actor(), subject, role.role());
        String who = "'" + result.grant().subject() + "'";
        String what = result.grant().role().wireName();
        out().println(result.created() ? "Granted " + what + " to " + who + "."
                : who + " already holds " + what + " (granted by " + result.grant().grantedBy() + "); nothing changed.");
        return ExitCode.OK;
    }
}
