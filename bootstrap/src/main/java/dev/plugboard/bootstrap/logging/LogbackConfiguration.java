package dev.plugboard.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import net.logstash.logback.encoder.LogstashEncoder;

import java.util.Map;

/**
 * Plugboard's logging, set up in code rather than from a {@code logback.xml}: parsing XML is a
 * noticeable part of a short CLI command's start. Found by Logback through the service loader.
 * <ul>
 *   <li>one console appender on stderr (stdout is the CLI's): plain lines, an ISO-8601 UTC
 *       timestamp and the log context ({@code requestId}, {@code runId}, {@code plugin},
 *       {@code owner}) when there is one; or, with {@code PLUGBOARD_LOG_FORMAT=json}, one JSON
 *       object a line with the log context as top-level fields;</li>
 *   <li>the root level from {@code PLUGBOARD_LOG_LEVEL} (default INFO; the CLI sets WARN);</li>
 *   <li>Flyway, Hikari and zonky only from WARN;</li>
 *   <li>java.util.logging levels follow Logback's, so the bridge does not pay for records nobody keeps;</li>
 *   <li>no status lines of Logback's own.</li>
 * </ul>
 * A configuration file of the operator's own ({@code -Dlogback.configurationFile=...}) wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackConfiguration extends ContextAwareBase implements Configurator {

    static final String PLAIN_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level %logger{24}%replace( [%mdc]){' \\[\\]', ''} - %msg%n";
    private static final Map<String, Level> QUIET_LIBRARIES =
            Map.of("org.flywaydb", Level.WARN, "com.zaxxer.hikari", Level.WARN, "io.zonky", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(setting(LoggingSetup.FORMAT_PROPERTY, "plain"));
        console.setTarget("System.err");
        console.setEncoder(encoder(context, console.getName()));
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting("PLUGBOARD_LOG_LEVEL", "INFO"), Level.INFO));
        root.addAppender(console);
        QUIET_LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if (format.equals("json")) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(context);
            json.setTimeZone("UTC");
            json.setIncludeContext(false);
            json.start();
            return json;
        }
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setContext(context);
        plain.setPattern(PLAIN_PATTERN);
        plain.start();
        return plain;
    }

    /** A system property, else the environment variable of the same name (as logback.xml's {@code ${NAME:-default}} did). */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
