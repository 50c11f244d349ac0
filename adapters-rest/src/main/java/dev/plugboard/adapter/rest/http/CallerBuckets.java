package dev.plugboard.adapter.rest.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Bucket4j token bucket per caller, in this instance's memory. The map is bounded (least
 * recently seen callers are dropped first), so a flood of new addresses cannot exhaust memory.
 */
@Singleton
final class CallerBuckets {

    static final int MOST_CALLERS_REMEMBERED = 100_000;

    private final RateLimitSettings settings;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MOST_CALLERS_REMEMBERED;
        }
    };

    CallerBuckets(RateLimitSettings settings) {
        this.settings = settings;
    }

    /** Takes one token from the caller's bucket; the probe says whether there was one, and when the next comes. */
    ConsumptionProbe take(String caller) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(caller, key -> newBucket());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(settings.burst())
                .refillGreedy(settings.requests(), settings.period()).build()).build();
    }
}
