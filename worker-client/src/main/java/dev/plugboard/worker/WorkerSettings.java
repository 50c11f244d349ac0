package dev.plugboard.worker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link Worker} works: which server and plugins, how many runs at once, the lease it asks for (renewed
 * every third of it), how it backs off when idle or when the server fails, and how long a shutdown waits for
 * runs in hand. Build with {@link #builder(URI, Supplier, List)}.
 */
public record WorkerSettings(URI baseUrl, Supplier<String> token, List<String> plugins, int concurrency, Duration lease,
                             Duration idleBackoff, Duration maxIdleBackoff, Duration errorBackoff, Duration maxErrorBackoff,
                             Duration requestTimeout, Duration shutdownGrace) {

    /** The server's bounds on a lease. */
    static final Duration MIN_LEASE = Duration.ofSeconds(5);
    static final Duration MAX_LEASE = Duration.ofHours(1);

    public WorkerSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        plugins = List.copyOf(plugins);
        if (plugins.isEmpty()) {
            throw new IllegalArgumentException("name at least one plugin whose manifest says execution.mode: external");
        }
        if (concurrency < 1 || concurrency > 100) {
            throw new IllegalArgumentException("concurrency must be 1 to 100, got " + concurrency);
        }
        if (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0 || lease.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("lease must be whole seconds from 5s to 1h, got " + lease);
        }
    }

    public static Builder builder(URI baseUrl, Supplier<String> token, List<String> plugins) {
        return new Builder(baseUrl, token, plugins);
    }

    /** Defaults: 1 run at a time, a 30 s lease, idle polls from 250 ms to 5 s, error backoff from 1 s to 1 min. */
    public static final class Builder {
        private final URI baseUrl;
        private final Supplier<String> token;
        private final List<String> plugins;
        private int concurrency = 1;
        private Duration lease = Duration.ofSeconds(30);
        private Duration idleBackoff = Duration.ofMillis(250);
        private Duration maxIdleBackoff = Duration.ofSeconds(5);
        private Duration errorBackoff = Duration.ofSeconds(1);
        private Duration maxErrorBackoff = Duration.ofMinutes(1);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration shutdownGrace = Duration.ofSeconds(30);

        private Builder(URI baseUrl, Supplier<String> token, List<String> plugins) {
            this.baseUrl = baseUrl;
            this.token = token;
            this.plugins = plugins;
        }

        public Builder concurrency(int runsAtOnce) {
            this.concurrency = runsAtOnce;
            return this;
        }

        public Builder lease(Duration length) {
            this.lease = length;
            return this;
        }

        public Builder idleBackoff(Duration initial, Duration max) {
            this.idleBackoff = initial;
            this.maxIdleBackoff = max;
            return this;
        }

        public Builder errorBackoff(Duration initial, Duration max) {
            this.errorBackoff = initial;
            this.maxErrorBackoff = max;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public WorkerSettings build() {
            return new WorkerSettings(baseUrl, token, plugins, concurrency, lease, idleBackoff, maxIdleBackoff,
                    errorBackoff, maxErrorBackoff, requestTimeout, shutdownGrace);
        }
    }
}
