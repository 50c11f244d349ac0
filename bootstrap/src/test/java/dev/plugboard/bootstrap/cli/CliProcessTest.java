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
 * Seed 004's manual persistence test, automated: one {@code plugboard} process disables a plugin,
 * and a new process, with a database started afresh from the same data folder, still sees it disabled.
 */
class CliProcessTest {

    private static final long TIMEOUT_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void givenAnalyticsDisabledByOneProcess_aNewProcess_stillListsItDisabled() throws Exception {
        Outcome sync = plugboard("plugins", "sync");
        assertThat(sync.exitCode).as(sync.toString()).isZero();
        Outcome disable = plugboard("plugins", "disable", "analytics");
        assertThat(disable.exitCode).as(disable.toString()).isZero();
        assertThat(disable.out).contains("Plugin analytics", "is disabled.");

        Outcome list = plugboard("plugins", "list", "--json");
        assertThat(list.exitCode).as(list.toString()).isZero();
        JsonNode analytics = null;
        for (JsonNode plugin : JSON.readTree(list.out)) {
            if (plugin.get("name").asText().equals("analytics")) {
                analytics = plugin;
            }
        }
        assertThat(analytics).as("analytics in " + list.out).isNotNull();
        assertThat(analytics.get("enabled").asBoolean()).isFalse();
        assertThat(analytics.get("disabledAt").isNull()).isFalse();

        Outcome enable = plugboard("plugins", "enable", "analytics");
        assertThat(enable.exitCode).as(enable.toString()).isZero();
        Outcome usage = plugboard("plugins", "list", "--colour");
        assertThat(usage.exitCode).isEqualTo(2);
        assertThat(usage.err).contains("plugboard: error: Unknown option: '--colour'");
    }

    @Test
    void givenNoDatabaseNeeded_helpAndToken_answerWithoutStartingOne() throws Exception {
        Outcome help = plugboard("plugins", "disable", "--help");
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data").resolve("jwt-secret"), "a-secret-as-plugboard-serve-would-write-it");
        Outcome token = plugboard("token", "--user", "alice");

        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("Usage: plugboard plugins disable", "Exit codes:");
        assertThat(token.exitCode).as(token.toString()).isZero();
        assertThat(token.out.strip()).matches("^[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
        assertThat(folder.resolve("data").resolve("pgdata")).as("no embedded database was created").doesNotExist();
    }

    private Outcome plugboard(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), "dev.plugboard.bootstrap.PlugboardMain"));
        command.addAll(List.of(args));
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PLUGBOARD_"));
        environment.put("PLUGBOARD_DATA_DIR", folder.resolve("data").toString());
        environment.put("PLUGBOARD_PLUGINS_DIR", plugins.toString());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("plugboard " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Surefire may run tests from a manifest-only jar; it names the real class path in its own property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private record Outcome(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
