package dev.plugboard.adapter.cli.token;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.adapter.cli.support.DurationConverter;
import dev.plugboard.adapter.cli.support.TimeExpressions;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code plugboard token}: issues a bearer token for the REST API, for scripts and for trying the API out. */
@Prototype
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a signed JWT (HS256) for the REST API, and nothing else, so that it can be captured;"
                + " or, with --check, say whether the server accepts a token and why not.",
                "It is signed with the server's secret (PLUGBOARD_JWT_SECRET, or the one plugboard serve generated in"
                        + " the data folder, PLUGBOARD_DATA_DIR; without either it refuses rather than make one up)"
                        + " and carries the claims sub, org, roles (under plugboard.auth.roles-claim), plan, iat and exp, and"
                        + " iss and aud when plugboard.auth.issuer and plugboard.auth.audience are set. It needs no database."},
        footer = {"%nExamples:", "  TOKEN=$(plugboard token --user alice)",
                "  plugboard token --user bob --role admin --org acme --plan pro --ttl 8h",
                "  echo \"$TOKEN\" | plugboard token --check -",
                "  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/api/plugins"})
public class TokenCommand extends CliCommand {

    private final String secret;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;
    private final boolean trustTokenRoles;

    private final String dataFolder;
    private final Duration clockSkew;

    @Option(names = "--user", paramLabel = "USER", description = "The user the token is for (claim sub); required unless --check.")
    private String user;

    @Option(names = "--check", paramLabel = "TOKEN", description = {"Say whether the server accepts TOKEN and why not"
            + " (malformed, bad signature, expired, wrong issuer or audience), without printing it; - reads it from"
            + " standard input, which keeps it out of the shell's history. Exit code 0 if accepted, 1 if not."})
    private String check;

    @Option(names = "--role", paramLabel = "ROLE", description = "A role to grant (claim roles); repeat it for several.")
    private List<String> roles = new ArrayList<>();

    @Option(names = "--org", paramLabel = "ORG", description = "The organization the user acts for (claim org).")
    private String organization;

    @Option(names = "--plan", paramLabel = "PLAN", description = "The owner's plan (claim plan), e.g. free or pro.")
    private String plan;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the token is valid: 30m, 8h, 7d or ISO-8601 such as PT90M (default: ${DEFAULT-VALUE}).")
    private Duration ttl;

    public TokenCommand(@Value("${plugboard.jwt.secret:}") String secret,
                        @Value("${plugboard.auth.issuer:}") String issuer,
                        @Value("${plugboard.auth.audience:}") String audience,
                        @Value("${plugboard.auth.roles-claim:roles}") String rolesClaim,
                        @Value("${plugboard.auth.trust-token-roles:true}") boolean trustTokenRoles,
                        @Value("${plugboard.data-dir:}") String dataFolder,
                        @Value("${plugboard.auth.clock-skew:60s}") String clockSkew) {
        this.secret = secret;
        this.issuer = issuer;
        this.audience = audience;
        this.rolesClaim = rolesClaim;
        this.trustTokenRoles = trustTokenRoles;
        this.dataFolder = dataFolder;
        this.clockSkew = TimeExpressions.duration(clockSkew);
    }

    @Override
    protected ExitCode execute() throws IOException {
        if (check != null) {
            return check();
        }
        if (user == null) {
            throw usageError("Missing required option: '--user=USER' (or --check TOKEN to check a token)");
        }
        // The same rules as owners elsewhere, so a token never names a user the API would refuse.
        String subject = Owner.user(user).id();
        Optional<String> org = Optional.ofNullable(organization).map(o -> Owner.organization(o).id());
        if (!roles.isEmpty() && !trustTokenRoles) {
            err().println("plugboard: warning: plugboard.auth.trust-token-roles is false, so the server ignores the"
                    + " roles in this token; grant them with: plugboard admins grant " + subject + " --role ROLE");
        }
        TokenSigner signer = new TokenSigner(SigningSecret.require(secret, dataFolder), present(issuer), present(audience),
                rolesClaim);
        String token = signer.sign(subject, org, roles, Optional.ofNullable(plan).filter(p -> !p.isBlank()),
                Instant.now(), ttl);
        out().println(token);
        return ExitCode.OK;
    }

    private ExitCode check() throws IOException {
        if (user != null || organization != null || plan != null || !roles.isEmpty()) {
            throw usageError("--check takes no --user, --role, --org or --plan: it checks the token as it is");
        }
        String token = "-".equals(check) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : check;
        TokenCheck.Verdict verdict = new TokenCheck(SigningSecret.require(secret, dataFolder), present(issuer),
                present(audience), clockSkew).check(token, Instant.now());
        if (!verdict.accepted()) {
            throw new CliFailure(ExitCode.FAILURE, verdict.reason());
        }
        out().println(verdict.reason());
        return ExitCode.OK;
    }

    private static Optional<String> present(String setting) {
        return Optional.ofNullable(setting).map(String::strip).filter(text -> !text.isEmpty());
    }
}
