package dev.plugboard.adapter.isolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.plugboard.host.Frames;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One plugin host: a child JVM running one plugin's handler, one run at a time. It reads the host's
 * answers on a thread of its own, so a host that dies or talks nonsense turns into an outcome, never
 * into a blocked server thread.
 */
final class PluginHost {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class.getName());
    private static final Map<String, Object> EXITED = Map.of("type", "exited");

    private final PluginPackage pkg;
    private final Process process;
    private final DataOutputStream toHost;
    private final HostOutput output;
    private final BlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();
    private volatile boolean killed;
    private volatile String brokenProtocol;
    private volatile Instant idleSince = Instant.now();
    private volatile java.util.Set<String> hooks = java.util.Set.of();

    private PluginHost(PluginPackage pkg, Process process) {
        this.pkg = pkg;
        this.process = process;
        this.toHost = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.output = new HostOutput(process.getErrorStream(), pkg.plugin());
        daemon(output, "plugin-host-err-" + process.pid()).start();
        DataInputStream fromHost = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        daemon(() -> readAnswers(fromHost), "plugin-host-in-" + process.pid()).start();
    }

    /**
     * Starts a host and waits for its handler to load.
     *
     * @throws HostFailure when the JVM cannot start or the handler cannot be loaded
     */
    static PluginHost start(PluginPackage pkg, Duration startTimeout) throws HostFailure, InterruptedException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(HostCommand.of(pkg)).directory(pkg.directory().toFile());
            // The server's environment holds its secrets (database password, secrets key, JWT secret): none for plugins.
            String zone = System.getenv("TZ");
            builder.environment().clear();
            if (zone != null) {
                builder.environment().put("TZ", zone);
            }
            process = builder.start();
        } catch (IOException e) {
            throw new HostFailure("HOST_START_FAILED", "the plugin host could not be started: " + e.getMessage(), true);
        }
        PluginHost host = new PluginHost(pkg, process);
        Map<String, Object> first = host.answers.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null && "ready".equals(first.get("type"))) {
            if (first.get("hooks") instanceof java.util.List<?> declared) {
                host.hooks = java.util.Set.copyOf(declared.stream().map(String::valueOf).toList());
            }
            LOG.debug("plugin host " + process.pid() + " of " + pkg.plugin() + " is ready");
            return host;
        }
        host.kill();
        if (first == null) {
            throw new HostFailure("HOST_START_FAILED", "the plugin host did not start within " + startTimeout.toSeconds() + " s", true);
        }
        throw host.exitFailure();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private void readAnswers(DataInputStream fromHost) {
        try {
            for (Map<String, Object> answer = Frames.read(fromHost); answer != null; answer = Frames.read(fromHost)) {
                answers.add(answer);
            }
        } catch (IOException | RuntimeException e) {
            brokenProtocol = e.getMessage();
            kill();
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.add(EXITED);
    }

    /** Sends a message that is not a run and waits at most {@code time} for the host's answer; null if none came. */
    Map<String, Object> ask(Map<String, Object> message, Duration time) throws IOException, InterruptedException {
        Frames.write(toHost, message);
        return answerWithin(time);
    }

    /** Sends a run; the answer comes from {@link #await}. */
    void send(Map<String, Object> run, String runId) throws IOException {
        output.startRun(runId);
        Frames.write(toHost, run);
    }

    /**
     * The host's answer to the run it was sent: {@code done}, {@code failed}, or a failure made up
     * here when the host died or used more than {@code cpuLimit} of CPU time (it is killed then).
     */
    Map<String, Object> await(Duration cpuLimit) throws InterruptedException, HostFailure {
        // Read lazily: reading /proc costs more than a quick run; the limit's grain is one poll anyway.
        Duration cpuAtStart = null;
        while (true) {
            Map<String, Object> answer = answers.poll(50, TimeUnit.MILLISECONDS);
            if (answer == EXITED) {
                answers.add(EXITED);
                throw exitFailure();
            }
            if (answer != null) {
                return answer;
            }
            if (cpuAtStart == null) {
                cpuAtStart = cpuTime();
            } else if (cpuTime().minus(cpuAtStart).compareTo(cpuLimit) > 0) {
                kill();
                throw new HostFailure("CPU_LIMIT", "the run used more than " + cpuLimit.toMillis() + " ms of CPU time"
                        + " (execution.cpu); its host was stopped", false);
            }
        }
    }

    /** The answer if it comes within {@code time} of wall time; null if it does not, or the host died. */
    Map<String, Object> answerWithin(Duration time) throws InterruptedException {
        Map<String, Object> answer = answers.poll(time.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == EXITED) {
            answers.add(EXITED);
            return null;
        }
        return answer;
    }

    /** Asks the handler to stop ({@code context.isCancelled()} turns true, its thread is interrupted). */
    void cancel() {
        try {
            Frames.write(toHost, Map.of("type", "cancel"));
        } catch (IOException e) {
            kill();
        }
    }

    void endRun() {
        output.endRun();
        idleSince = Instant.now();
    }

    /** Kills the host and any process its plugin started, which would otherwise outlive it. */
    void kill() {
        killed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Asks the host to end: it exits when its stdin closes. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            toHost.close();
        } catch (IOException e) {
            kill();
        }
        if (!waitFor(Duration.ofSeconds(2))) {
            kill();
        }
    }

    boolean waitFor(Duration time) {
        try {
            return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a run may be sent to it: running, and not being killed. */
    boolean usable() {
        return process.isAlive() && !killed;
    }

    /** Whether its process still exists (a killed host takes a moment to go). */
    boolean alive() {
        return process.isAlive();
    }

    /** The lifecycle hooks its handler overrides, as it said when it was ready. */
    java.util.Set<String> hooks() {
        return hooks;
    }

    Instant idleSince() {
        return idleSince;
    }

    private Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Why the host ended without answering, as a run failure. */
    private HostFailure exitFailure() {
        waitFor(Duration.ofSeconds(5));
        return HostExit.failure(pkg, process.isAlive() ? -1 : process.exitValue(), killed, brokenProtocol, output.lastLine());
    }
}
