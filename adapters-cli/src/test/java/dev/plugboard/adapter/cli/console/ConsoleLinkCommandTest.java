package dev.plugboard.adapter.cli.console;

import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.domain.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLinkCommandTest {

    @BeforeEach
    void fresh() {
        Cli.reset();
    }

    @Test
    void givenUserOrgAndRole_consoleLink_printsOnlyALinkThatSignsThemInOnce() throws Exception {
        CliResult result = Cli.run("console-link", "--user", "alice", "--org", "acme", "--role", "admin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).hasSize(1);
        assertThat(result.out().strip()).matches("http://127\\.0\\.0\\.1:8080/console/sign-in\\?link=[A-Za-z0-9_-]{43}");
        String secret = result.out().strip().replaceFirst(".*link=", "");
        ConsoleSignInUseCase signIn = Cli.context().getBean(ConsoleSignInUseCase.class);
        String session = signIn.exchange(secret).orElseThrow().secret();
        assertThat(signIn.session(session).orElseThrow().identity())
                .isEqualTo(new ConsoleSignInUseCase.ConsoleIdentity("alice", Optional.of("acme"), Set.of(Role.ADMIN)));
        assertThat(signIn.exchange(secret)).as("a link works once").isEmpty();
    }

    @Test
    void givenBaseUrl_consoleLink_printsTheLinkUnderIt() throws Exception {
        CliResult result = Cli.run("console-link", "--user", "bob", "--base-url", "https://plugboard.example.com/");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().strip()).startsWith("https://plugboard.example.com/console/sign-in?link=");
    }

    @Test
    void givenAnUnknownRole_consoleLink_exitsWith2NamingIt() throws Exception {
        CliResult result = Cli.run("console-link", "--user", "alice", "--role", "wizard");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("wizard").contains("admin");
        assertThat(result.out()).isEmpty();
    }
}
