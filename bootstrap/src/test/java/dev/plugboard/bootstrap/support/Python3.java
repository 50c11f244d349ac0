package dev.plugboard.bootstrap.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code python3} on the PATH, for the tests that run the Python example worker as a real process.
 * Without one they never pass silently: they are skipped loudly, or fail when CI sets
 * {@code PLUGBOARD_TEST_REQUIRE_PYTHON} (.ci/run installs Debian's python3).
 */
public final class Python3 {

    static final String REQUIRED = "PLUGBOARD_TEST_REQUIRE_PYTHON";

    private Python3() {
    }

    /** The interpreter; skips (loudly) or fails, as the environment asks, when there is none. */
    public static Path require() {
        return require(System.getenv("PATH"), System.getenv(REQUIRED) != null);
    }

    static Path require(String searchPath, boolean required) {
        Optional<Path> found = find(searchPath);
        if (found.isPresent()) {
            return found.get();
        }
        String message = "The Python worker tests did NOT run: no python3 on the PATH (" + searchPath
                + "). Install it with: apt-get install python3";
        MissingTool.refuse(message, REQUIRED, required);
        throw new IllegalStateException("unreachable");
    }

    private static Optional<Path> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "python3");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
