package dev.plugboard.adapter.cli.console;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.Issued;
import dev.plugboard.domain.access.Role;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code plugboard console-link}: a one-time link that signs a user in to the web console. */
@Prototype
@Command(name = "console-link", mixinStandardHelpOptions = true,
        description = {"Print a one-time link that signs USER in to the web console (/console), and nothing else,"
                + " so that it can be captured. The link works once and expires after 5 minutes; the session it opens"
                + " lasts 8 hours or until sign-out. Only a hash of the link is stored in the database.",
                "Exit 2 when the user, organization or role is not valid."},
        footer = {"%nExamples:", "  plugboard console-link --user alice",
                "  plugboard console-link --user alice --org acme",
                "  plugboard console-link --user bob --role admin",
                "  plugboard console-link --user alice --base-url https://plugboard.example.com"})
public class ConsoleLinkCommand extends CliCommand {

    private final Provider<ConsoleSignInUseCase> signIn;
    private final String host;
    private final int port;

    @Option(names = "--user", paramLabel = "USER", required = true, description = "Who signs in (as a token's sub).")
    private String user;

    @Option(names = "--org", paramLabel = "ORG", description = "An organization the user may act for in the console.")
    private String organization;

    @Option(names = "--role", paramLabel = "ROLE", description = "A role for the session, e.g. admin; repeat it for several.")
    private List<String> roles = new ArrayList<>();

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The server's address as the browser reaches it (default: http://HOST:PORT of this configuration).")
    private String baseUrl;

    public ConsoleLinkCommand(Provider<ConsoleSignInUseCase> signIn, @Value("${plugboard.host:127.0.0.1}") String host,
                              @Value("${plugboard.port:8080}") int port) {
        this.signIn = signIn;
        this.host = host;
        this.port = port;
    }

    @Override
    protected ExitCode execute() {
        ConsoleIdentity identity = new ConsoleIdentity(user, Optional.ofNullable(organization),
                roles.stream().map(Role::parse).collect(Collectors.toSet()));
        Issued link = signIn.get().issueLink(identity);
        out().println(base() + "/console/sign-in?link=" + URLEncoder.encode(link.secret(), StandardCharsets.UTF_8));
        return ExitCode.OK;
    }

    private String base() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            String url = baseUrl.strip();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw usageError("--base-url '" + baseUrl + "' must start with http:// or https://");
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port;
    }
}
