package dev.plugboard.bootstrap.cli;

import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration mistakes stop a real {@code plugboard} process before it starts anything, with one
 * line that names the mistake and exit code 2; a good start says where it really listens.
 */
class ConfigurationProcessTest {

    @TempDir
    Path folder;

    @Test
    void givenAMisspelledVariable_anyCommand_stopsWithTheSuggestion() throws Exception {
        Outcome outcome = new PlugboardProcess(folder, Map.of("PLUGBOARD_PLUGINS_DRI", "plugins")).run("plugins", "list");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.errorLines()).as(outcome.toString()).containsExactly("plugboard: error: unknown configuration"
                + " variable PLUGBOARD_PLUGINS_DRI; did you mean PLUGBOARD_PLUGINS_DIR (plugboard.plugins-dir)?");
        assertThat(folder.resolve("data").resolve("pgdata")).as("no database was started").doesNotExist();
    }

    @Test
    void givenAMisspelledKeyInPlugboardYml_serve_stopsWithTheSuggestion() throws Exception {
        Files.writeString(folder.resolve("plugboard.yml"), "plugboard:\n  rate-limit:\n    burts: 5\n", StandardCharsets.UTF_8);

        Outcome outcome = new PlugboardProcess(folder, Map.of()).run("serve");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.errorLines()).as(outcome.toString()).hasSize(1);
        assertThat(outcome.err()).contains("unknown configuration key plugboard.rate-limit.burts", "plugboard.yml",
                "did you mean plugboard.rate-limit.burst?");
    }

    @Test
    void givenANonNumericPort_serveAndOtherCommands_stopWithOneLineAndExitCode2() throws Exception {
        PlugboardProcess plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PORT", "abc"));

        for (String[] command : new String[][] {{"serve"}, {"token", "--user", "alice"}, {"plugins", "list"}}) {
            Outcome outcome = plugboard.run(command);

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
            assertThat(outcome.errorLines()).as(outcome.toString()).containsExactly(
                    "plugboard: error: invalid value PLUGBOARD_PORT=abc: expected a port number from 0 to 65535");
            assertThat(outcome.out()).as("no token or listing was printed").isEmpty();
        }
    }

    @Test
    void givenAnExternalDatabaseAndNoSecretsKey_serve_refusesInOneLineSayingWhatToSet() throws Exception {
        Outcome outcome = new PlugboardProcess(folder, Map.of("PLUGBOARD_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/plugboard")).run("serve");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.errorLines()).as(outcome.toString()).hasSize(1);
        assertThat(outcome.err()).contains("PLUGBOARD_SECRETS_KEY is not set", "plugboard secrets new-key");
    }

    @Test
    void givenAnUnreadableSecretsKeyFile_anyCommand_refusesNamingTheFile() throws Exception {
        Path key = Files.writeString(folder.resolve("keyset.json"), "not a keyset", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        Outcome outcome = new PlugboardProcess(folder, Map.of("PLUGBOARD_SECRETS_KEY", key.toString())).run("plugins", "list");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.errorLines()).as(outcome.toString()).hasSize(1);
        assertThat(outcome.err()).contains(key.toString()).contains("not a Tink keyset");
    }

    @Test
    void givenNoHost_serve_listensOnLoopbackOnly_andSaysSo() throws Exception {
        PlugboardProcess plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PORT", "0",
                "PLUGBOARD_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString()));
        Process serve = plugboard.start("serve");
        try {
            String line = plugboard.awaitErrorLine(serve, "Plugboard is listening on");

            assertThat(line).containsPattern("listening on 127\\.0\\.0\\.1:\\d+ ").doesNotContain("every network interface");
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }
}
