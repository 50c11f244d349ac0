package dev.plugboard.adapter.rest.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.TimeUnit;

/**
 * One line per answered request on the logger {@code dev.plugboard.access}, off unless
 * {@code plugboard.http.access-log} is true: request id, method, path, status and duration.
 * The path is written without its query string, which may carry tokens or other secrets.
 */
@Singleton
final class AccessLog {

    static final String LOGGER = "dev.plugboard.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final boolean enabled;

    AccessLog(@Value("${plugboard.http.access-log:false}") boolean enabled) {
        this.enabled = enabled;
    }

    void record(String requestId, HttpRequest<?> request, int status, long nanos) {
        if (!enabled || !LOG.isInfoEnabled()) {
            return;
        }
        // The response may be written on a thread that never saw the request's context: set the id for this line.
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, requestId)) {
            LOG.info("{} {} {} {}ms", request.getMethodName(), request.getPath(), status,
                    TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }
}
