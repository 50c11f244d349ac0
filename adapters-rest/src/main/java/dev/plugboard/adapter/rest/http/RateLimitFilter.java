package dev.plugboard.adapter.rest.http;

import dev.plugboard.adapter.rest.problem.Problem;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Limits how fast each caller may call: a signed-in caller by its token's subject, an anonymous
 * one by its IP address. Runs after authentication, so a forged subject cannot spend another
 * user's allowance; over the limit is 429 with {@code Retry-After}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RateLimitFilter implements Ordered {

    private final RateLimitSettings settings;
    private final CallerBuckets buckets;

    RateLimitFilter(RateLimitSettings settings, CallerBuckets buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (!settings.enabled()) {
            return null;
        }
        ConsumptionProbe probe = buckets.take(callerOf(request));
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        String detail = "too many requests from this caller (the limit is " + settings.describe()
                + "); retry after " + retryAfter + " s";
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .contentType(Problem.MEDIA_TYPE)
                .body(Problem.ofStatus(HttpStatus.TOO_MANY_REQUESTS.getCode(), detail));
    }

    /** Users and IP addresses live in separate key spaces, so a subject that looks like an address is no one else. */
    private static String callerOf(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(user -> "user:" + user.getName())
                .orElseGet(() -> "ip:" + address(request.getRemoteAddress()));
    }

    private static String address(InetSocketAddress remote) {
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
