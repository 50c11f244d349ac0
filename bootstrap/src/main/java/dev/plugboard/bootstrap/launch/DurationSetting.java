package dev.plugboard.bootstrap.launch;

import dev.plugboard.domain.time.Durations;
import io.micronaut.context.env.Environment;

import java.time.Duration;
import java.util.Optional;

/** Reads a duration setting with Plugboard's one duration grammar, ({@link Durations}: 30s, 2m, 1h30m, PT30S). */
public final class DurationSetting {

    private DurationSetting() {
    }

    /** The configured duration, if the setting is given and not blank. */
    public static Optional<Duration> of(Environment environment, String property) {
        return environment.getProperty(property, String.class).map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> Durations.parse(property, text));
    }

    /** The configured duration, or {@code fallback}. */
    public static Duration of(Environment environment, String property, Duration fallback) {
        return of(environment, property).orElse(fallback);
    }
}
