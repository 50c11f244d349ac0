package dev.plugboard.bootstrap.launch;

import io.micronaut.context.env.Environment;

import java.time.Duration;
import java.util.Map;

/**
 * How long a request waits for a database connection, and for a pooled one to prove alive, before
 * it gives up: short (1 s and 750 ms), so that with the database down a request answers 503 within
 * 2 s instead of hanging for Hikari's default 30 s. Hikari ignores values under 250 ms, so they are refused.
 */
record PoolTimeouts(Duration connection, Duration validation) {

    static final String CONNECTION_TIMEOUT = "plugboard.database.connection-timeout";
    static final String VALIDATION_TIMEOUT = "plugboard.database.validation-timeout";
    private static final Duration FLOOR = Duration.ofMillis(250);

    PoolTimeouts {
        for (Map.Entry<String, Duration> setting : Map.of(CONNECTION_TIMEOUT, connection, VALIDATION_TIMEOUT, validation).entrySet()) {
            if (setting.getValue().compareTo(FLOOR) < 0) {
                throw new InvalidConfigurationException(setting.getKey() + " is " + setting.getValue().toMillis()
                        + "ms; the connection pool needs at least 250ms");
            }
        }
        // Hikari wants the check of a pooled connection to end before the wait for one does.
        if (validation.compareTo(connection) >= 0) {
            Duration justUnder = connection.minusMillis(1);
            validation = justUnder.compareTo(FLOOR) < 0 ? FLOOR : justUnder;
        }
    }

    static PoolTimeouts from(Environment environment) {
        return new PoolTimeouts(DurationSetting.of(environment, CONNECTION_TIMEOUT, Duration.ofSeconds(1)),
                DurationSetting.of(environment, VALIDATION_TIMEOUT, Duration.ofMillis(750)));
    }

    /** Hikari's settings under the default data source, in milliseconds. */
    Map<String, Object> properties() {
        return Map.of("datasources.default.connection-timeout", connection.toMillis(),
                "datasources.default.validation-timeout", validation.toMillis());
    }
}
