package dev.plugboard.bootstrap.rest;

import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.bootstrap.PlugboardApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real application on a real PostgreSQL (embedded, in a fresh data folder unless
 * {@code PLUGBOARD_DATABASE_URL} names one), started once and shared by every full-stack suite.
 */
public final class FullStackServer implements ApiTarget {

    static final String JWT_SECRET = "bootstrap-full-stack-test-secret-of-32-bytes-or-more";

    private static FullStackServer shared;

    private final PlugboardApplication application;

    private FullStackServer(PlugboardApplication application) {
        this.application = application;
    }

    /** The shared server, started on first use and stopped when the test JVM exits. */
    public static synchronized FullStackServer shared() {
        if (shared == null) {
            Path folder = newFolder("plugboard-rest-it");
            FullStackServer server = start(folder);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.application.close();
                delete(folder);
            }, "plugboard-it-shutdown"));
            shared = server;
        }
        return shared;
    }

    /** A server of its own on {@code dataFolder}; the caller stops it with {@link #application()}. */
    static FullStackServer start(Path dataFolder) {
        return start(dataFolder, Map.of());
    }

    /** A server of its own with {@code configuration} on top of the usual test overrides. */
    public static FullStackServer start(Path dataFolder, Map<String, Object> configuration) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("plugboard.data-dir", dataFolder.toString());
        overrides.put("plugboard.plugins-dir", dataFolder.resolve("plugins").toString());
        overrides.put("plugboard.jwt.secret", JWT_SECRET);
        overrides.put("micronaut.server.port", -1);
        overrides.putAll(configuration);
        return new FullStackServer(PlugboardApplication.start(overrides));
    }

    public static Path newFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Files.createDirectories(folder.resolve("plugins"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a data folder once its server is stopped; a leftover folder in /tmp is no failure. */
    public static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort only.
        }
    }

    public PlugboardApplication application() {
        return application;
    }

    @Override
    public URI baseUrl() {
        return application.uri();
    }

    @Override
    public String jwtSecret() {
        return JWT_SECRET;
    }
}
