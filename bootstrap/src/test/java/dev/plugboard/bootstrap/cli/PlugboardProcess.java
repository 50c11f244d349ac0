package dev.plugboard.bootstrap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code plugboard} process (the same main class as the executable jar) in a folder of its
 * own, with only the {@code PLUGBOARD_*} variables a test gives it.
 */
public final class PlugboardProcess {

    static final long TIMEOUT_SECONDS = 180;

    private final Path folder;
    private final Map<String, String> variables;

    public PlugboardProcess(Path folder, Map<String, String> variables) {
        this.folder = folder;
        this.variables = variables;
    }

    /** A process in {@code folder} whose plugins directory is {@code folder/plugins}, with {@code variables} set. */
    static PlugboardProcess withPluginsIn(Path folder, Map<String, String> variables) {
        Map<String, String> all = new java.util.HashMap<>(variables);
        all.put("PLUGBOARD_PLUGINS_DIR", folder.resolve("plugins").toString());
        return new PlugboardProcess(folder, all);
    }

    /** Runs to the end, which must be exit code 0 (the outcome is the assertion's description otherwise). */
    Outcome succeeds(String... args) throws IOException, InterruptedException {
        Outcome outcome = run(args);
        org.assertj.core.api.Assertions.assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        return outcome;
    }

    /** Runs to the end and returns exit code, standard output and standard error. */
    Outcome run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("plugboard " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return outcome(process.exitValue());
    }

    /** Runs to the end with {@code stdin} as standard input, as {@code a | plugboard ... -f -} would. */
    Outcome runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        Path input = folder.resolve("stdin.txt");
        Files.writeString(input, stdin, StandardCharsets.UTF_8);
        Process process = builder(args).redirectInput(input.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("plugboard " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return outcome(process.exitValue());
    }

    /** Starts the process with its working directory in the folder; output goes to files read by {@link #outcome}. */
    public Process start(String... args) throws IOException {
        return builder(args).start();
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), "dev.plugboard.bootstrap.PlugboardMain"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("stdout.txt").toFile()).redirectError(folder.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PLUGBOARD_"));
        builder.environment().put("PLUGBOARD_DATA_DIR", folder.resolve("data").toString());
        builder.environment().putAll(variables);
        return builder;
    }

    /** Waits until standard error has a line containing {@code text}, and returns that line. */
    public String awaitErrorLine(Process process, String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(TIMEOUT_SECONDS));
        while (Instant.now().isBefore(deadline)) {
            for (String line : Files.readAllLines(folder.resolve("stderr.txt"), StandardCharsets.UTF_8)) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("plugboard ended before printing '" + text + "':\n" + outcome(process.exitValue()));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line with '" + text + "' in " + TIMEOUT_SECONDS + " s");
    }

    public Outcome outcome(int exitCode) throws IOException {
        return new Outcome(exitCode, Files.readString(folder.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** Surefire may run tests from a manifest-only jar; it names the real class path in its own property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    public record Outcome(int exitCode, String out, String err) {

        List<String> errorLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
