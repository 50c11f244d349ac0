package dev.plugboard.bootstrap.logging;

import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Locale;
import java.util.Set;

/**
 * Makes Logback the one log: java.util.logging is bridged into SLF4J, System.Logger reaches it
 * through slf4j-jdk-platform-logging, and {@code PLUGBOARD_LOG_FORMAT} picks plain or JSON lines.
 * Runs before the first logger is created, because Logback reads its configuration only once.
 */
public final class LoggingSetup {

    public static final String FORMAT_VARIABLE = "PLUGBOARD_LOG_FORMAT";
    /**
     * The system property LogbackConfiguration reads to choose its appender (it wins over the variable of the
     * same name): the checked, lower-case value. Not under plugboard.*, which holds configuration keys only.
     */
    static final String FORMAT_PROPERTY = FORMAT_VARIABLE;
    private static final Set<String> FORMATS = Set.of("plain", "json");

    private LoggingSetup() {
    }

    /** Chooses the format from the environment; a value other than plain or json is the operator's to fix. */
    public static void configure(String format) {
        String chosen = format == null || format.isBlank() ? "plain" : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) {
            throw new InvalidConfigurationException(FORMAT_VARIABLE + " is '" + format
                    + "'; set it to plain (the default) or json");
        }
        System.setProperty(FORMAT_PROPERTY, chosen);
        bridgeJavaUtilLogging();
    }

    /** Replaces JUL's console handler with the bridge, once: libraries that log through JUL then log through Logback. */
    public static void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
