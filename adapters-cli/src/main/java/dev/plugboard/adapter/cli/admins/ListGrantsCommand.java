package dev.plugboard.adapter.cli.admins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.Table;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.domain.access.RoleGrant;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code plugboard admins list}: every role granted in Plugboard. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the roles granted in Plugboard, by subject: who holds which role, who granted it"
                + " and when. Roles that only tokens carry are not listed."},
        footer = {"%nExamples:", "  plugboard admins list", "  plugboard admins list --subject alice --json"})
public class ListGrantsCommand extends CliCommand {

    private final Provider<RoleGrantsUseCase> grants;

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "Only this subject's grants.")
    private String subject;

    @Mixin
    private JsonOption json;

    public ListGrantsCommand(Provider<RoleGrantsUseCase> grants) {
        this.grants = grants;
    }

    @Override
    protected ExitCode execute() {
        List<RoleGrant> found = grants.get().grants(Optional.ofNullable(subject));
        if (json.enabled()) {
            Json.print(out(), found.stream().map(ListGrantsCommand::json).toList());
        } else if (found.isEmpty()) {
            out().println("No roles are granted" + (subject == null ? "" : " to '" + subject.strip() + "'")
                    + ". Grant one with: plugboard admins grant SUBJECT");
        } else {
            Table table = new Table("SUBJECT", "ROLE", "GRANTED BY", "GRANTED AT");
            found.forEach(g -> table.row(g.subject(), g.role().wireName(), g.grantedBy(), g.grantedAt()));
            table.print(out());
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> json(RoleGrant grant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", grant.subject());
        json.put("role", grant.role().wireName());
        json.put("grantedBy", grant.grantedBy().toString());
        json.put("grantedAt", Json.time(grant.grantedAt()));
        return json;
    }
}
