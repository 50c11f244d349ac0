package dev.plugboard.bootstrap.launch;

import dev.plugboard.adapter.rest.workflow.WorkflowRestSettings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key Plugboard reads under {@code plugboard.*}, with the form of its value:
 * the one list that start-up checks configuration against. Adding a key is adding one line here.
 */
public final class ConfigurationKeys {

    /** A key, or with {@code map} a family of keys below it ({@code plugboard.plan-limits.<plan>}). */
    public record Key(String name, ValueType type, boolean map) {

        static Key of(String name, ValueType type) {
            return new Key(name, type, false);
        }

        static Key mapOf(String name, ValueType type) {
            return new Key(name, type, true);
        }

        /** PLUGBOARD_DATA_DIR for plugboard.data-dir: how Micronaut maps environment variables to keys. */
        public String variable() {
            return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        boolean matches(String property) {
            return map ? property.startsWith(name + ".") && property.length() > name.length() + 1 : property.equals(name);
        }

        boolean matchesVariable(String variable) {
            return map ? variable.startsWith(variable() + "_") && variable.length() > variable().length() + 1
                    : variable.equals(variable());
        }
    }

    public static final List<Key> KEYS = List.of(
            Key.of("plugboard.port", ValueType.PORT),
            Key.of("plugboard.host", ValueType.HOST),
            Key.of("plugboard.data-dir", ValueType.TEXT),
            Key.of("plugboard.plugins-dir", ValueType.TEXT),
            // Environments (issue 14): which per-environment settings overrides runs use; audit entries name it.
            Key.of("plugboard.environment", ValueType.ENVIRONMENT),
            Key.of("plugboard.database.url", ValueType.TEXT),
            Key.of("plugboard.database.user", ValueType.TEXT),
            Key.of("plugboard.database.password", ValueType.TEXT),
            Key.of("plugboard.database.pool-size", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.database.embedded", ValueType.BOOLEAN),
            // Set by the launcher from the command (true only for serve); an operator has no reason to set it.
            Key.of("plugboard.launch.sync-catalog", ValueType.BOOLEAN),
            Key.of("plugboard.database.pg-bin", ValueType.TEXT),
            Key.of(PoolTimeouts.CONNECTION_TIMEOUT, ValueType.DURATION),
            Key.of(PoolTimeouts.VALIDATION_TIMEOUT, ValueType.DURATION),
            Key.of("plugboard.http.access-log", ValueType.BOOLEAN),
            Key.of("plugboard.http.idle-timeout", ValueType.DURATION),
            Key.of("plugboard.jwt.secret", ValueType.TEXT),
            Key.of("plugboard.jwt.jwks-url", ValueType.TEXT),
            Key.mapOf("plugboard.plan-limits", ValueType.NUMBER),
            Key.of("plugboard.default-plan", ValueType.TEXT),
            Key.of("plugboard.execution.enabled", ValueType.BOOLEAN),
            Key.of("plugboard.execution.concurrency", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.execution.lease", ValueType.DURATION),
            Key.of("plugboard.execution.poll-interval", ValueType.DURATION),
            Key.of("plugboard.execution.reap-interval", ValueType.DURATION),
            Key.of("plugboard.execution.instance-id", ValueType.TEXT),
            Key.of("plugboard.execution.circuit.failure-threshold", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.execution.circuit.cooldown", ValueType.DURATION),
            Key.of("plugboard.execution.circuit.half-open-trials", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.execution.circuit.idle", ValueType.DURATION),
            Key.of("plugboard.cors.allowed-origins", ValueType.LIST),
            Key.of("plugboard.rate-limit.enabled", ValueType.BOOLEAN),
            Key.of("plugboard.rate-limit.requests", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.rate-limit.period", ValueType.DURATION),
            Key.of("plugboard.rate-limit.burst", ValueType.POSITIVE_NUMBER),
            // Named by issue 9 for the other parts (authentication, secrets, outbound guard).
            Key.of("plugboard.auth.issuer", ValueType.TEXT),
            Key.of("plugboard.auth.audience", ValueType.TEXT),
            Key.of("plugboard.auth.roles-claim", ValueType.TEXT),
            Key.of("plugboard.auth.trust-token-roles", ValueType.BOOLEAN),
            Key.of("plugboard.auth.clock-skew", ValueType.DURATION),
            // Issue 16: how long a verified HS256 token is remembered (0 = never), and the role-grant
            // cache's time limit while LISTEN/NOTIFY is down (0 = no cache).
            Key.of(AuthSettings.TOKEN_CACHE_TTL, ValueType.DURATION),
            Key.of(AuthSettings.GRANTS_CACHE_TTL, ValueType.DURATION),
            // Console sign-in through an OpenID provider (issue 13), checked by ConsoleOidcSettings.
            Key.of(ConsoleOidcSettings.ISSUER, ValueType.TEXT),
            Key.of(ConsoleOidcSettings.CLIENT_ID, ValueType.TEXT),
            Key.of(ConsoleOidcSettings.CLIENT_SECRET, ValueType.TEXT),
            Key.of(ConsoleOidcSettings.REDIRECT_URI, ValueType.TEXT),
            Key.of(ConsoleOidcSettings.PROVIDER_NAME, ValueType.TEXT),
            Key.of(ConsoleOidcSettings.SCOPES, ValueType.LIST),
            Key.of("plugboard.secrets.key", ValueType.TEXT),
            Key.of("plugboard.outbound.allow", ValueType.LIST),
            Key.of("plugboard.outbound.max-redirects", ValueType.NUMBER),
            Key.of("plugboard.outbound.max-response-bytes", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.outbound.connect-timeout", ValueType.DURATION),
            Key.of("plugboard.outbound.read-timeout", ValueType.DURATION),
            Key.of("plugboard.outbound.call-timeout", ValueType.DURATION),
            // Plugin hosts (issue 10): child JVMs that run plugin jars.
            Key.of("plugboard.isolation.idle-timeout", ValueType.DURATION),
            Key.of("plugboard.isolation.kill-grace", ValueType.DURATION),
            Key.of("plugboard.isolation.start-timeout", ValueType.DURATION),
            // Lifecycle hooks of plugins (issue 14 part 6).
            Key.of("plugboard.plugins.hook-timeout", ValueType.DURATION),
            // Approvals of new plugins (issue 14 part 7): enabled, disabled or pending-approval.
            Key.of("plugboard.catalog.new-plugins", ValueType.TEXT),
            // Issue 16: the in-memory catalog's time limit while LISTEN/NOTIFY is down (0 = no cache).
            Key.of(LaunchConfiguration.CATALOG_CACHE_TTL, ValueType.DURATION),
            // Meters (issue 12): how often the database-read gauges (pending runs, open circuits) are refreshed.
            Key.of("plugboard.metrics.backlog-interval", ValueType.DURATION),
            // Workflows (issue 11).
            Key.of("plugboard.workflows.enabled", ValueType.BOOLEAN),
            Key.of("plugboard.workflows.poll-interval", ValueType.DURATION),
            Key.of("plugboard.workflows.max-steps", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.workflows.max-concurrent-runs", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.workflows.runs-per-minute", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.workflows.max-trigger-data-bytes", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.workflows.env-allow", ValueType.LIST),
            Key.of("plugboard.workflows.retry-backoff", ValueType.DURATION),
            Key.of("plugboard.workflows.webhook.tolerance", ValueType.DURATION),
            // Rollups and retention (issue 12).
            Key.of("plugboard.rollups.enabled", ValueType.BOOLEAN),
            Key.of("plugboard.rollups.interval", ValueType.DURATION),
            Key.of("plugboard.retention.enabled", ValueType.BOOLEAN),
            Key.of("plugboard.retention.interval", ValueType.DURATION),
            Key.of("plugboard.retention.runs", ValueType.DURATION),
            Key.of("plugboard.retention.workflow-runs", ValueType.DURATION),
            Key.of("plugboard.retention.workflow-fires", ValueType.DURATION),
            Key.of("plugboard.retention.workflow-deliveries", ValueType.DURATION),
            Key.of("plugboard.retention.rollups", ValueType.DURATION),
            Key.of("plugboard.retention.analytics-days", ValueType.DURATION),
            Key.of("plugboard.retention.audit", ValueType.DURATION),
            Key.of("plugboard.retention.event-keys", ValueType.DURATION),
            // Read by the REST adapter too: the webhook endpoint refuses a larger body before reading it.
            Key.of(WorkflowRestSettings.WEBHOOK_MAX_BODY_BYTES, ValueType.POSITIVE_NUMBER),
            Key.of(WorkflowRestSettings.DEPARTMENT_CLAIM, ValueType.TEXT),
            // Plugin health and alerts (issue 12).
            Key.of("plugboard.health.enabled", ValueType.BOOLEAN),
            Key.of("plugboard.health.interval", ValueType.DURATION),
            Key.of("plugboard.health.window", ValueType.DURATION),
            Key.of("plugboard.health.sample-runs", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.health.min-runs", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.health.healthy-score", ValueType.NUMBER),
            Key.of("plugboard.health.unhealthy-score", ValueType.NUMBER),
            Key.of("plugboard.health.latency-percent", ValueType.POSITIVE_NUMBER),
            Key.of("plugboard.health.worker-window", ValueType.DURATION),
            Key.of("plugboard.health.check-timeout", ValueType.DURATION),
            Key.of("plugboard.alerts.owner", ValueType.TEXT),
            Key.of("plugboard.alerts.backlog-threshold", ValueType.POSITIVE_NUMBER));

    /** PLUGBOARD_* variables that are not configuration keys: read by the launcher script, logging or tests. */
    static final Set<String> OTHER_VARIABLES = Set.of("PLUGBOARD_CONFIG", "PLUGBOARD_LOG_LEVEL", "PLUGBOARD_DEBUG",
            "PLUGBOARD_JAVA_OPTS", "PLUGBOARD_LOG_FORMAT", "PLUGBOARD_CDS");
    static final String TEST_VARIABLES = "PLUGBOARD_TEST_";

    private ConfigurationKeys() {
    }

    static Optional<Key> forProperty(String property) {
        return KEYS.stream().filter(key -> key.matches(property)).findFirst();
    }

    static Optional<Key> forVariable(String variable) {
        return KEYS.stream().filter(key -> key.matchesVariable(variable)).findFirst();
    }
}
