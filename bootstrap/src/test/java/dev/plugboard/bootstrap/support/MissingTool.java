package dev.plugboard.bootstrap.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a tool it drives (Chromium, python3) is missing: it never passes silently.
 * It fails when CI asks for the tool ({@code variable} set, as .ci/run does after installing it);
 * elsewhere it is skipped, with a banner no one can miss.
 */
public final class MissingTool {

    private MissingTool() {
    }

    /** Fails or skips with {@code message}; never returns. */
    public static void refuse(String message, String variable, boolean required) {
        if (required) {
            throw new AssertionError(message + " (" + variable + " is set, so this fails the build)");
        }
        System.err.println("\n" + "!".repeat(100) + "\n" + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }
}
