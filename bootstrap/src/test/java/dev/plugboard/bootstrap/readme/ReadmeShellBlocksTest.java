package dev.plugboard.bootstrap.readme;

import dev.plugboard.bootstrap.cli.PlugboardProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md to the letter: its shell blocks run in order, in one {@code /bin/bash}, in an empty folder with
 * the checkout's sample {@code plugins/} and {@code examples/workflows/}, in "a second terminal" next to a fresh {@code plugboard serve}
 * on the embedded PostgreSQL, and each prints what the README shows after it ({@link ReadmeBlocks} has the
 * convention; {@link ExpectedOutput} the matching). {@code ./plugboard} in that folder is the checkout's
 * launcher script (distribution/src/lib/plugboard-launch.sh, with its JVM flags) on the test class path
 * instead of the packaged jar. The one liberty taken: the server listens on a free port, which replaces
 * {@code localhost:8080} in the blocks and outputs.
 */
class ReadmeShellBlocksTest {

    static final Path README = Path.of("..", "README.md");
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern BLOCK_END = Pattern.compile("\n@@readme-block (\\d+) ended@@\n");
    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
    /** What the README's blocks read from the checkout, copied into the scratch folder. */
    private static final List<String> FROM_CHECKOUT = List.of("plugins", "examples/workflows");

    @TempDir
    Path scratch;

    @Test
    void givenTheReadme_everyShellBlock_isCheckedOrSkippedForAStatedReason() throws IOException {
        ReadmeBlocks readme = ReadmeBlocks.parse(Files.readString(README));

        assertThat(readme.unchecked()).as("shell blocks with neither a ```text output right after them nor"
                + " <!-- readme-test: skip: REASON --> right before them").isEmpty();
        assertThat(readme.runnable()).as("the walk-through's blocks").hasSizeGreaterThan(5);
    }

    @Test
    void givenAFreshServer_whenTheReadmesShellBlocksRunInOrder_thenEachPrintsWhatTheReadmeShows() throws Exception {
        List<ReadmeBlocks.ShellBlock> blocks = ReadmeBlocks.parse(Files.readString(README)).runnable();
        for (String folder : FROM_CHECKOUT) {
            copyTree(CHECKOUT.resolve(folder), scratch.resolve(folder));
        }
        writeLauncher();
        PlugboardProcess server = new PlugboardProcess(Files.createDirectories(scratch.resolve(".server")), Map.of(
                "PLUGBOARD_DATA_DIR", scratch.resolve("plugboard-data").toString(),
                "PLUGBOARD_PLUGINS_DIR", scratch.resolve("plugins").toString(), "PLUGBOARD_PORT", "0"));
        Process serving = server.start("serve");
        try {
            Matcher listening = LISTENING.matcher(server.awaitErrorLine(serving, "Plugboard is listening on"));
            assertThat(listening.find()).isTrue();
            server.awaitErrorLine(serving, "Executing runs as");
            String port = listening.group(1);

            List<String> outputs = run(blocks, port);

            for (int i = 0; i < blocks.size(); i++) {
                ReadmeBlocks.ShellBlock block = blocks.get(i);
                ExpectedOutput expected = new ExpectedOutput(block.expected().orElseThrow().replace("localhost:8080", "localhost:" + port));
                assertThat(expected.matches(outputs.get(i))).as("README.md line %d:%n%s%n--- README shows:%n%s--- printed:%n%s",
                        block.line(), block.script(), expected.text(), ExpectedOutput.normalize(outputs.get(i))).isTrue();
            }
        } finally {
            serving.destroy();
            if (!serving.waitFor(30, TimeUnit.SECONDS)) {
                serving.destroyForcibly();
            }
        }
    }

    /** Runs every block in one bash, as one terminal session, and splits what it printed by block. */
    private List<String> run(List<ReadmeBlocks.ShellBlock> blocks, String port) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("# README.md line ").append(blocks.get(i).line()).append('\n')
                    .append(blocks.get(i).script().replace("localhost:8080", "localhost:" + port))
                    .append("\nprintf '\\n@@readme-block %d ended@@\\n' ").append(i).append('\n');
        }
        Path file = scratch.resolve(".readme.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("/bin/bash", file.toString()).directory(scratch.toFile())
                .redirectOutput(scratch.resolve(".stdout").toFile()).redirectError(scratch.resolve(".stderr").toFile());
        bash.environment().keySet().removeIf(name -> name.startsWith("PLUGBOARD_"));
        Process process = bash.start();
        boolean ended = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String stdout = Files.readString(scratch.resolve(".stdout"));
        String report = "--- stdout\n" + stdout + "\n--- stderr\n" + Files.readString(scratch.resolve(".stderr"));
        assertThat(ended).as("the README's blocks did not end in %d s%n%s", SCRIPT_TIMEOUT_SECONDS, report).isTrue();
        assertThat(process.exitValue()).as("bash exit code (set -e: a command failed)%n%s", report).isZero();
        List<String> outputs = new ArrayList<>();
        Matcher end = BLOCK_END.matcher(stdout);
        int from = 0;
        while (end.find()) {
            outputs.add(stdout.substring(from, end.start()));
            from = end.end();
        }
        assertThat(outputs).as(report).hasSize(blocks.size());
        return outputs;
    }

    /** {@code ./plugboard}: the checkout's launcher script, with the test class path in place of the built jar. */
    private void writeLauncher() throws IOException {
        Path lib = CHECKOUT.resolve("distribution/src/lib");
        Path launcher = scratch.resolve("plugboard");
        Files.writeString(launcher, String.join("\n", "#!/usr/bin/env bash",
                "# ReadmeShellBlocksTest's ./plugboard: the checkout's launcher on the test class path",
                "set -euo pipefail",
                "export PLUGBOARD_CDS=off",
                "plugboard_jar=" + quoted(scratch.resolve(".launcher/plugboard.jar").toString()),
                "plugboard_cp=" + quoted(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))),
                "plugboard_args=" + quoted(lib.toString()),
                ". \"$plugboard_args/plugboard-launch.sh\"", ""));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
