package dev.plugboard.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code plugboard} executable as an operator runs it: a JWKS URL without an issuer and an
 * audience stops the start with one line and exit code 2; role grants made by one process are
 * seen by the next.
 */
class AuthLaunchProcessTest {

    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path folder;

    @Test
    void givenJwksUrlWithoutIssuerAndAudience_serve_refusesToStartWithOneLineAndExitCode2() throws Exception {
        Outcome serve = plugboard(Map.of("PLUGBOARD_JWT_JWKS_URL", "https://idp.example.test/certs"), "serve");

        assertThat(serve.exitCode).as(serve.toString()).isEqualTo(2);
        assertThat(serve.err.strip().lines().toList()).as(serve.toString()).hasSize(1);
        assertThat(serve.err).startsWith("plugboard: error: a JWKS URL (plugboard.jwt.jwks-url) is configured but")
                .contains("PLUGBOARD_AUTH_ISSUER", "PLUGBOARD_AUTH_AUDIENCE").doesNotContain("Exception", "\tat ");
        assertThat(folder.resolve("data").resolve("pgdata")).as("no database was started").doesNotExist();
    }

    @Test
    void givenGrantByOneProcess_theNextListsIt_andRevokingTwiceIsNotFound() throws Exception {
        assertThat(plugboard(Map.of(), "db", "migrate").exitCode).as("only db migrate, plugins sync and serve migrate").isZero();
        Outcome grant = plugboard(Map.of(), "admins", "grant", "alice");
        Outcome list = plugboard(Map.of(), "admins", "list", "--json");
        Outcome revoke = plugboard(Map.of(), "admins", "revoke", "alice");
        Outcome again = plugboard(Map.of(), "admins", "revoke", "alice");

        assertThat(grant.exitCode).as(grant.toString()).isZero();
        assertThat(grant.out).contains("Granted admin to 'alice'.");
        JsonNode grants = new ObjectMapper().readTree(list.out);
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).path("subject").asText()).isEqualTo("alice");
        assertThat(revoke.exitCode).as(revoke.toString()).isZero();
        assertThat(again.exitCode).as(again.toString()).isEqualTo(3);
        assertThat(again.err).contains("'alice' holds no grant of the role admin");
    }

    private Outcome plugboard(Map<String, String> settings, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.plugboard.bootstrap.PlugboardMain"));
        command.addAll(List.of(args));
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PLUGBOARD_"));
        environment.put("PLUGBOARD_DATA_DIR", folder.resolve("data").toString());
        environment.put("PLUGBOARD_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString());
        environment.put("PLUGBOARD_PORT", "0");
        environment.putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("plugboard " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Outcome(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
