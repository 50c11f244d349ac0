package dev.plugboard.adapter.isolation;

import java.time.Duration;

/**
 * How plugin hosts are managed.
 *
 * @param idleTimeout  a host unused this long is stopped
 * @param killGrace    after a timeout, how long a cancelled handler gets to return before its host is killed
 * @param startTimeout how long a host may take to start and load its handler
 */
public record IsolationSettings(Duration idleTimeout, Duration killGrace, Duration startTimeout) {

    public static final IsolationSettings DEFAULT = new IsolationSettings(Duration.ofMinutes(5), Duration.ofSeconds(1),
            Duration.ofSeconds(20));

    public IsolationSettings {
        for (Duration d : new Duration[] {idleTimeout, killGrace, startTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("plugin host durations must be positive: " + d);
            }
        }
    }
}
