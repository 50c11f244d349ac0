package dev.plugboard.adapter.rest.http;

import dev.plugboard.domain.time.Durations;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * {@code plugboard.rate-limit.*}: each caller may make {@code requests} per {@code period} on
 * average, and up to {@code burst} at once. The defaults are generous: they stop floods, not use.
 */
@Singleton
final class RateLimitSettings {

    static final int DEFAULT_REQUESTS = 1200;
    static final String DEFAULT_PERIOD = "1m";
    static final int DEFAULT_BURST = 200;

    private final boolean enabled;
    private final long requests;
    private final Duration period;
    private final long burst;

    RateLimitSettings(@Value("${plugboard.rate-limit.enabled:true}") boolean enabled,
                      @Value("${plugboard.rate-limit.requests:" + DEFAULT_REQUESTS + "}") long requests,
                      @Value("${plugboard.rate-limit.period:" + DEFAULT_PERIOD + "}") String period,
                      @Value("${plugboard.rate-limit.burst:" + DEFAULT_BURST + "}") long burst) {
        this.enabled = enabled;
        this.requests = Math.max(1, requests);
        this.period = Durations.parse("plugboard.rate-limit.period", period);
        this.burst = Math.max(1, burst);
    }

    boolean enabled() {
        return enabled;
    }

    long requests() {
        return requests;
    }

    Duration period() {
        return period;
    }

    long burst() {
        return burst;
    }

    String describe() {
        return requests + " requests per " + period.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + ", bursts of up to " + burst;
    }
}
