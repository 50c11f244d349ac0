package dev.plugboard.domain.health;

import java.time.Duration;
import java.util.Optional;

/**
 * What was observed of one plugin in the recent window: the finished runs (circuit rejections not
 * counted, they say nothing of the plugin), their 95th-percentile duration, the open circuits across
 * owners, the pending runs, and for an external plugin whether any worker claimed or held a lease.
 *
 * @param workerSeen empty for an in-process plugin; for an external one, whether a worker was active
 * @param activeCheck the in-process handler's own answer, when it has a health check
 */
public record HealthSignals(int finishedRuns, int succeededRuns, Optional<Duration> p95Duration, Duration timeout,
                            int openCircuits, long pendingRuns, Optional<Boolean> workerSeen,
                            Optional<HealthState> activeCheck) {

    public HealthSignals {
        if (finishedRuns < 0 || succeededRuns < 0 || succeededRuns > finishedRuns || openCircuits < 0 || pendingRuns < 0) {
            throw new IllegalArgumentException("health signals out of range: " + finishedRuns + "/" + succeededRuns);
        }
        p95Duration = p95Duration == null ? Optional.empty() : p95Duration;
        workerSeen = workerSeen == null ? Optional.empty() : workerSeen;
        activeCheck = activeCheck == null ? Optional.empty() : activeCheck;
    }

    /** Successes among the finished runs, from 0 to 1. */
    public double successRate() {
        return finishedRuns == 0 ? 1.0 : (double) succeededRuns / finishedRuns;
    }
}
