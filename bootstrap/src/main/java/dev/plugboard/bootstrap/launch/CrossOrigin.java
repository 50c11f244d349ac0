package dev.plugboard.bootstrap.launch;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * CORS is off unless {@code plugboard.cors.allowed-origins} names the browser origins that may
 * call the API; then Micronaut's CORS support answers them, and only them.
 */
final class CrossOrigin {

    static final String ALLOWED_ORIGINS = "plugboard.cors.allowed-origins";
    private static final String PREFIX = "micronaut.server.cors.configurations.plugboard.";

    private CrossOrigin() {
    }

    static Map<String, Object> properties(Environment environment) {
        // A YAML list, or one comma-separated string from PLUGBOARD_CORS_ALLOWED_ORIGINS.
        List<String> origins = environment.getProperty(ALLOWED_ORIGINS, Argument.listOf(String.class)).orElse(List.of())
                .stream().flatMap(item -> Arrays.stream(item.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (origins.isEmpty()) {
            return Map.of("micronaut.server.cors.enabled", false);
        }
        return Map.of("micronaut.server.cors.enabled", true,
                PREFIX + "allowed-origins", origins,
                PREFIX + "allowed-methods", List.of("GET", "POST", "PUT", "DELETE"),
                PREFIX + "allowed-headers", List.of("Authorization", "Content-Type", "If-Match"),
                PREFIX + "exposed-headers", List.of("ETag", "Location", "Retry-After"),
                // Bearer tokens travel in a header, never in cookies: no credentialed requests.
                PREFIX + "allow-credentials", false,
                PREFIX + "max-age", 600);
    }
}
