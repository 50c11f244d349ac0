package dev.plugboard.adapter.cli.token;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.DurationConverter;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code plugboard token}: issues a bearer token for the REST API, for scripts and for trying the API out. */
@Prototype
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a signed JWT (HS256) for the REST API, and nothing else, so that it can be captured.",
                "It is signed with the server's secret (PLUGBOARD_JWT_SECRET, or the one generated in the data folder)"
                        + " and carries the claims sub, org, roles, plan, iat and exp. It needs no database."},
        footer = {"%nExamples:", "  TOKEN=$(plugboard token --user alice)",
                "  plugboard token --user bob --role admin --org acme --plan pro --ttl 8h",
                "  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/api/plugins"})
public class TokenCommand extends CliCommand {

    private final String secret;

    @Option(names = "--user", paramLabel = "USER", required = true, description = "The user the token is for (claim sub).")
    private String user;

    @Option(names = "--role", paramLabel = "ROLE", description = "A role to grant (claim roles); repeat it for several.")
    private List<String> roles = new ArrayList<>();

    @Option(names = "--org", paramLabel = "ORG", description = "The organization the user acts for (claim org).")
    private String organization;

    @Option(names = "--plan", paramLabel = "PLAN", description = "The owner's plan (claim plan), e.g. free or pro.")
    private String plan;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the token is valid: 30m, 8h, 7d or ISO-8601 such as PT90M (default: ${DEFAULT-VALUE}).")
    private Duration ttl;

    public TokenCommand(@Value("${plugboard.jwt.secret:}") String secret) {
        this.secret = secret;
    }

    @Override
    protected ExitCode execute() {
        // The same rules as owners elsewhere, so a token never names a user the API would refuse.
        String subject = Owner.user(user).id();
        Optional<String> org = Optional.ofNullable(organization).map(o -> Owner.organization(o).id());
        String token = new TokenSigner(secret).sign(subject, org, roles, Optional.ofNullable(plan).filter(p -> !p.isBlank()),
                Instant.now(), ttl);
        out().println(token);
        return ExitCode.OK;
    }
}
