package dev.plugboard.bootstrap.durability;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.bootstrap.cli.PlugboardProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code plugboard serve} process on a data folder (the embedded PostgreSQL lives there), in
 * a working folder of its own so that each start keeps its own log; the API target of its port.
 */
final class ServeProcess implements ApiTarget, AutoCloseable {

    static final String JWT_SECRET = "durability-test-secret-of-32-bytes-or-more-please";
    private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");

    private final PlugboardProcess plugboard;
    private final Process process;
    private final URI baseUrl;

    private ServeProcess(PlugboardProcess plugboard, Process process, URI baseUrl) {
        this.plugboard = plugboard;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts {@code serve} in {@code workFolder} on {@code dataFolder}: any free port, a known JWT secret,
     * no rate limit (the load is the point), and {@code more} variables on top.
     */
    static ServeProcess start(Path workFolder, Path dataFolder, Map<String, String> more) throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>(Map.of("PLUGBOARD_DATA_DIR", dataFolder.toString(),
                "PLUGBOARD_PLUGINS_DIR", Files.createDirectories(dataFolder.resolveSibling("plugins")).toString(),
                "PLUGBOARD_PORT", "0", "PLUGBOARD_JWT_SECRET", JWT_SECRET, "PLUGBOARD_RATE_LIMIT_ENABLED", "false"));
        variables.putAll(more);
        PlugboardProcess plugboard = new PlugboardProcess(Files.createDirectories(workFolder), variables);
        Process process = plugboard.start("serve");
        try {
            Matcher address = LISTENING.matcher(plugboard.awaitErrorLine(process, "Plugboard is listening on"));
            assertThat(address.find()).isTrue();
            return new ServeProcess(plugboard, process, URI.create("http://" + address.group(1)));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed by the server. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve killed").isTrue();
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
    }

    /** A graceful stop (SIGTERM), as an operator's {@code systemctl stop} does; SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String log() throws IOException {
        return plugboard.outcome(process.isAlive() ? -1 : process.exitValue()).err();
    }

    /** The log's errors with their stack traces, for a failure's message. */
    String errors() throws IOException {
        StringBuilder errors = new StringBuilder();
        boolean inError = false;
        for (String line : log().lines().toList()) {
            inError = line.contains(" ERROR ") || (inError && (line.startsWith("\t") || line.startsWith("Caused by")));
            if (inError) {
                errors.append(line).append('\n');
            }
        }
        return errors.toString();
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String jwtSecret() {
        return JWT_SECRET;
    }
}
